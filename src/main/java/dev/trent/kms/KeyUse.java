package dev.trent.kms;

/**
 * The checks every cryptographic operation makes on its key, in AWS's order and words: the key is
 * enabled, has the usage the operation needs, and supports the algorithm asked for.
 */
final class KeyUse {
    private KeyUse() {
    }

    static void require(KmsKey key, KeyUsage usage, String operation) {
        KeyStateRule.ENABLED.check(key);
        if (key.usage() != usage) {
            throw new KmsException(ErrorCode.INVALID_KEY_USAGE, key.arn() + " key usage is " + key.usage()
                    + " which is not valid for " + operation + ".");
        }
    }

    static void requireAlgorithm(KmsKey key, Enum<?> algorithm) {
        if (!key.algorithms().supports(algorithm)) {
            throw new KmsException(ErrorCode.INVALID_KEY_USAGE, "Algorithm " + algorithm
                    + " is incompatible with key spec " + key.spec() + ".");
        }
    }
}
