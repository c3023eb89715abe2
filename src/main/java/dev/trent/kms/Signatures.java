package dev.trent.kms;

import dev.trent.crypto.MessageType;
import dev.trent.crypto.SigningAlgorithm;
import dev.trent.kms.KeyResolver.Accepts;

/** Sign and Verify, with every asymmetric signing key. */
public final class Signatures {
    /** ML-DSA's mu is 64 bytes (FIPS 204). */
    private static final int MU_BYTES = 64;

    private final KeyResolver resolver;

    Signatures(KeyResolver resolver) {
        this.resolver = resolver;
    }

    public record Signed(KmsKey key, byte[] signature) {
    }

    /** @param type RAW when the request gives none */
    public Signed sign(Requester requester, String keyId, byte[] message, MessageType type, SigningAlgorithm algorithm,
            boolean dryRun) {
        KmsKey key = signingKey(requester, keyId, "Sign", message, type, algorithm);
        DryRun.stopIf(dryRun);
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        return new Signed(key, key.spec().engine().sign(material.secret(), algorithm, type, message));
    }

    /** Returns the key when the signature verifies; a signature that does not is AWS's KMSInvalidSignatureException. */
    public KmsKey verify(Requester requester, String keyId, byte[] message, MessageType type, SigningAlgorithm algorithm,
            byte[] signature, boolean dryRun) {
        KmsKey key = signingKey(requester, keyId, "Verify", message, type, algorithm);
        DryRun.stopIf(dryRun);
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        if (!key.spec().engine().verify(material.publicKey(), algorithm, type, message, signature)) {
            throw new KmsException(ErrorCode.INVALID_SIGNATURE, null);
        }
        return key;
    }

    private KmsKey signingKey(Requester requester, String keyId, String operation, byte[] message, MessageType type,
            SigningAlgorithm algorithm) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:" + operation);
        KeyUse.require(key, KeyUsage.SIGN_VERIFY, operation);
        KeyUse.requireAlgorithm(key, algorithm);
        checkMessage(key, algorithm, type, message);
        return key;
    }

    /**
     * What each message type may hold with each key and algorithm: a DIGEST must be as long as the
     * algorithm's hash; ML-DSA takes RAW messages or a 64-byte EXTERNAL_MU, never a DIGEST; Ed25519
     * signs RAW messages with ED25519_SHA_512 and DIGESTs with ED25519_PH_SHA_512, nothing else.
     */
    private static void checkMessage(KmsKey key, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        boolean mlDsa = algorithm == SigningAlgorithm.ML_DSA_SHAKE_256;
        if (mlDsa && type == MessageType.DIGEST || !mlDsa && type == MessageType.EXTERNAL_MU) {
            throw KmsException.validation("Message type " + type + " is incompatible with key spec " + key.spec() + ".");
        }
        if (algorithm == SigningAlgorithm.ED25519_SHA_512 && type != MessageType.RAW
                || algorithm == SigningAlgorithm.ED25519_PH_SHA_512 && type != MessageType.DIGEST) {
            throw KmsException.validation("Message type " + type + " is incompatible with algorithm " + algorithm + ".");
        }
        if (type == MessageType.DIGEST && message.length != algorithm.digest().length()) {
            throw KmsException.validation("Digest is invalid length for algorithm " + algorithm + ".");
        }
        if (type == MessageType.EXTERNAL_MU && message.length != MU_BYTES) {
            throw KmsException.validation("External Mu is invalid length for algorithm " + algorithm + ".");
        }
    }
}
