package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** SYMMETRIC_DEFAULT: AES-256-GCM under one key material, the header and encryption context authenticated. */
public final class SymmetricCipher {

    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    });

    private final Randomness random;

    public SymmetricCipher(Randomness random) {
        this.random = random;
    }

    public byte[] encrypt(String keyArn, String materialId, byte[] secret, byte[] plaintext,
            Map<String, String> context) {
        byte[] iv = random.bytes(Ciphertext.IV_BYTES);
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"),
                    new GCMParameterSpec(Ciphertext.TAG_BYTES * 8, iv));
            cipher.updateAAD(Ciphertext.header(keyArn, materialId));
            cipher.updateAAD(EncryptionContextEncoding.encode(context));
            byte[] sealed = cipher.doFinal(plaintext);
            return new Ciphertext(keyArn, materialId, iv, sealed).toBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext, or empty when the blob was altered or the context differs from the one it was made with. */
    public Optional<byte[]> decrypt(Ciphertext ciphertext, byte[] secret, Map<String, String> context) {
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"),
                    new GCMParameterSpec(Ciphertext.TAG_BYTES * 8, ciphertext.iv()));
            cipher.updateAAD(ciphertext.header());
            cipher.updateAAD(EncryptionContextEncoding.encode(context));
            return Optional.of(cipher.doFinal(ciphertext.sealed()));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
