package dev.trent.crypto;

import java.util.Optional;

/**
 * The cryptography of one key family, behind one interface, so that nothing above this package
 * branches on algorithms. A family implements the operations its keys support; the domain only
 * calls those, having checked the key's usage and the algorithm against AWS's rules first.
 *
 * <p>Private keys are PKCS#8 DER (or the raw secret of HMAC keys), public keys DER
 * SubjectPublicKeyInfo: the forms AWS returns from GetPublicKey and GenerateDataKeyPair.
 */
public interface KeyEngine {

    GeneratedKey generate();

    default byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        throw refused("sign");
    }

    /** False for any signature that does not verify, malformed ones included. */
    default boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        throw refused("verify");
    }

    /** The largest plaintext {@link #encrypt} takes with this algorithm. */
    default int maxPlaintext(EncryptionAlgorithm algorithm) {
        throw refused("encrypt");
    }

    default byte[] encrypt(byte[] publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        throw refused("encrypt");
    }

    /** Empty when the ciphertext does not decrypt under this key and algorithm. */
    default Optional<byte[]> decrypt(byte[] privateKey, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        throw refused("decrypt");
    }

    default byte[] mac(byte[] key, MacAlgorithm algorithm, byte[] message) {
        throw refused("compute MACs");
    }

    /** The raw shared secret with the peer's public key; empty when that is not a public key of this family. */
    default Optional<byte[]> agree(byte[] privateKey, byte[] peerPublicKey) {
        throw refused("agree on secrets");
    }

    default Encapsulation encapsulate(byte[] publicKey) {
        throw refused("encapsulate");
    }

    /** Empty when the ciphertext cannot be an encapsulation for this key (its length is wrong). */
    default Optional<byte[]> decapsulate(byte[] privateKey, byte[] ciphertext) {
        throw refused("decapsulate");
    }

    private IllegalStateException refused(String operation) {
        return new IllegalStateException(getClass().getSimpleName() + " keys cannot " + operation);
    }
}
