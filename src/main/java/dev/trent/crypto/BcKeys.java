package dev.trent.crypto;

import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.AsymmetricCipherKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Key generation and DER encoding through BouncyCastle, for the families the JDK lacks. */
final class BcKeys {
    private BcKeys() {
    }

    static GeneratedKey generate(AsymmetricCipherKeyPairGenerator generator) {
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return encode(pair.getPrivate(), pair.getPublic());
    }

    static GeneratedKey encode(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
        try {
            return new GeneratedKey(
                    PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded("DER"),
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("a new key does not encode", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends AsymmetricKeyParameter> T privateKey(byte[] pkcs8, Class<T> type) {
        try {
            return type.cast(PrivateKeyFactory.createKey(pkcs8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a stored private key does not decode", e);
        }
    }

    static <T extends AsymmetricKeyParameter> T publicKey(byte[] spki, Class<T> type) {
        return peerPublicKey(spki, type)
                .orElseThrow(() -> new IllegalStateException("a stored public key does not decode"));
    }

    /** A public key from outside, which may be anything. */
    static <T extends AsymmetricKeyParameter> Optional<T> peerPublicKey(byte[] spki, Class<T> type) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            return type.isInstance(key) ? Optional.of(type.cast(key)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
