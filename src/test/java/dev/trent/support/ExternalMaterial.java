package dev.trent.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportType;

/**
 * Key material held by the test and imported into Trent as AWS documents it (independently of
 * Trent's code): GetParametersForImport with RSAES_OAEP_SHA_256 and an RSA_2048 wrapping key, the
 * material wrapped locally with RSA-OAEP (SHA-256 for OAEP and MGF1), then ImportKeyMaterial.
 */
public final class ExternalMaterial {
    public static final String WRAPPING_ALGORITHM = "RSAES_OAEP_SHA_256";
    public static final String WRAPPING_KEY_SPEC = "RSA_2048";

    private ExternalMaterial() {
    }

    public static GetParametersForImportResponse parameters(KmsClient kms, String keyId) {
        return kms.getParametersForImport(b -> b.keyId(keyId).wrappingAlgorithm(WRAPPING_ALGORITHM)
                .wrappingKeySpec(WRAPPING_KEY_SPEC));
    }

    /** Imports the material with these parameters; validTo null means material that does not expire. */
    public static void importWith(KmsClient kms, String keyId, GetParametersForImportResponse parameters,
            byte[] material, Instant validTo) throws GeneralSecurityException {
        byte[] wrapped = wrap(parameters.publicKey().asByteArray(), material);
        kms.importKeyMaterial(b -> {
            b.keyId(keyId).importToken(parameters.importToken()).encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped));
            if (validTo == null) {
                b.expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
            } else {
                b.expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo);
            }
        });
    }

    /** GetParametersForImport then ImportKeyMaterial; validTo null means material that does not expire. */
    public static void importMaterial(KmsClient kms, String keyId, byte[] material, Instant validTo)
            throws GeneralSecurityException {
        importWith(kms, keyId, parameters(kms, keyId), material, validTo);
    }

    /**
     * Imports new material into a key that has some (ImportType NEW_KEY_MATERIAL), with this
     * description and no expiry: it waits for an on-demand rotation. Answers its key material id.
     */
    public static String importNew(KmsClient kms, String keyId, byte[] material, String description)
            throws GeneralSecurityException {
        GetParametersForImportResponse parameters = parameters(kms, keyId);
        byte[] wrapped = wrap(parameters.publicKey().asByteArray(), material);
        return kms.importKeyMaterial(b -> b.keyId(keyId).importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).importType(ImportType.NEW_KEY_MATERIAL)
                .keyMaterialDescription(description)
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)).keyMaterialId();
    }

    /**
     * Imports material too long for RSA-OAEP (private keys as PKCS#8) with RSA_AES_KEY_WRAP_SHA_256
     * and an RSA_2048 wrapping key: RSA-OAEP of a new AES-256 key, then the material under that key
     * with AES key wrap with padding (RFC 5649). The material does not expire.
     */
    public static void importLong(KmsClient kms, String keyId, byte[] material) throws GeneralSecurityException {
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(keyId)
                .wrappingAlgorithm("RSA_AES_KEY_WRAP_SHA_256").wrappingKeySpec(WRAPPING_KEY_SPEC));
        byte[] aesKey = new byte[32];
        new java.security.SecureRandom().nextBytes(aesKey);
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
        byte[] wrappedMaterial = kwp.doFinal(material);
        byte[] wrappedKey = wrap(parameters.publicKey().asByteArray(), aesKey);
        byte[] wrapped = Arrays.copyOf(wrappedKey, wrappedKey.length + wrappedMaterial.length);
        System.arraycopy(wrappedMaterial, 0, wrapped, wrappedKey.length, wrappedMaterial.length);
        kms.importKeyMaterial(b -> b.keyId(keyId).importToken(parameters.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }

    /** RSA-OAEP with SHA-256 (OAEP and MGF1) under the DER public key. */
    public static byte[] wrap(byte[] publicKeyDer, byte[] material) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return cipher.doFinal(material);
    }

    /**
     * Decrypts a symmetric ciphertext made with no encryption context with the material held here,
     * per docs/ciphertext-format.md: AES-256-GCM, the header and the empty context's encoding (four
     * zero bytes) as additional authenticated data.
     */
    public static byte[] decryptLocally(byte[] blob, byte[] material) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(blob);
        in.get();
        int arnLength = Short.toUnsignedInt(in.getShort());
        int headerLength = 3 + arnLength + 32;
        byte[] iv = Arrays.copyOfRange(blob, headerLength, headerLength + 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(Arrays.copyOf(blob, headerLength));
        gcm.updateAAD(new byte[4]);
        return gcm.doFinal(blob, headerLength + 12, blob.length - headerLength - 12);
    }
}
