package com.example.orders;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Envelope encryption, the application code under test: each message is encrypted with a new data
 * key from KMS (AES-256-GCM), and sealed together with that data key encrypted under a KMS key.
 */
public final class Envelope {
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KmsClient kms;
    private final String keyId;

    public Envelope(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    public byte[] seal(byte[] plaintext) {
        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
        byte[] encryptedKey = dataKey.ciphertextBlob().asByteArray();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, dataKey.plaintext().asByteArray(), iv, plaintext);
        return ByteBuffer.allocate(4 + encryptedKey.length + IV_BYTES + ciphertext.length)
                .putInt(encryptedKey.length).put(encryptedKey).put(iv).put(ciphertext).array();
    }

    public byte[] open(byte[] sealed) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] encryptedKey = new byte[in.getInt()];
        in.get(encryptedKey);
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        byte[] key = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(encryptedKey))).plaintext().asByteArray();
        return aesGcm(Cipher.DECRYPT_MODE, key, iv, ciphertext);
    }

    private static byte[] aesGcm(int mode, byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }
}
