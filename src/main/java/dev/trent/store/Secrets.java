package dev.trent.store;

import dev.trent.crypto.Sealing;

/**
 * How a store keeps the secrets inside the values it stores: sealed under the key of its password,
 * or, in a store made with {@code --insecure-plaintext-store}, as they are.
 */
interface Secrets {

    /** The secret as stored, bound to {@code context}: where it belongs. */
    byte[] seal(byte[] secret, String context);

    /**
     * The secret stored as {@code stored} for {@code context}.
     *
     * @throws StoreException when it does not open there
     */
    byte[] open(byte[] stored, String context);

    static Secrets sealedBy(Sealing sealing) {
        return new Secrets() {
            @Override
            public byte[] seal(byte[] secret, String context) {
                return sealing.seal(secret, context);
            }

            @Override
            public byte[] open(byte[] stored, String context) {
                try {
                    return sealing.open(stored, context);
                } catch (Sealing.SealingException e) {
                    throw new StoreException("A secret in the store does not open for " + context.replace('\0', ' ')
                            + ": " + e.getMessage() + ". The store was tampered with.");
                }
            }
        };
    }

    Secrets PLAINTEXT = new Secrets() {
        @Override
        public byte[] seal(byte[] secret, String context) {
            return secret;
        }

        @Override
        public byte[] open(byte[] stored, String context) {
            return stored;
        }
    };
}
