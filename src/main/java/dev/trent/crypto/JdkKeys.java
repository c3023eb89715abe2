package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/** Key generation and DER decoding through the JDK's providers, for the families the JDK covers. */
final class JdkKeys {
    private JdkKeys() {
    }

    static GeneratedKey generate(String algorithm, AlgorithmParameterSpec parameters) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (parameters != null) {
                generator.initialize(parameters);
            }
            KeyPair pair = generator.generateKeyPair();
            return new GeneratedKey(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm + " keys", e);
        }
    }

    static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + algorithm + " private key does not decode", e);
        }
    }

    static PublicKey publicKey(String algorithm, byte[] spki) {
        return peerPublicKey(algorithm, spki)
                .orElseThrow(() -> new IllegalStateException("a stored " + algorithm + " public key does not decode"));
    }

    /** A public key from outside, which may be anything. */
    static Optional<PublicKey> peerPublicKey(String algorithm, byte[] spki) {
        try {
            return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
