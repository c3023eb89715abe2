package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * ECC_NIST_EDWARDS25519 (RFC 8032): ED25519_SHA_512 is pure Ed25519 over a RAW message, in the
 * JDK; ED25519_PH_SHA_512 is Ed25519ph with an empty context, whose input AWS takes as a DIGEST
 * and prehashes once more with SHA-512 as Ed25519ph does, so a standard Ed25519ph verifier checks
 * it against that 64-byte digest. The JDK lacks Ed25519ph; BouncyCastle has it.
 */
final class Ed25519Engine implements KeyEngine {
    private static final byte[] NO_CONTEXT = new byte[0];

    @Override
    public GeneratedKey generate() {
        return JdkKeys.generate("Ed25519", null);
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        if (algorithm == SigningAlgorithm.ED25519_SHA_512) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(JdkKeys.privateKey("Ed25519", privateKey));
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }
        byte[] prehash = Digest.SHA_512.hash(message);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        BcKeys.privateKey(privateKey, Ed25519PrivateKeyParameters.class)
                .sign(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, prehash, 0, prehash.length, signature, 0);
        return signature;
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        if (algorithm == SigningAlgorithm.ED25519_SHA_512) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(JdkKeys.publicKey("Ed25519", publicKey));
                verifier.update(message);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        byte[] prehash = Digest.SHA_512.hash(message);
        return signature.length == Ed25519.SIGNATURE_SIZE
                && BcKeys.publicKey(publicKey, Ed25519PublicKeyParameters.class)
                        .verify(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, prehash, 0, prehash.length, signature, 0);
    }
}
