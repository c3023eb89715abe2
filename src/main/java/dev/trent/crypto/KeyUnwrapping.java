package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The wrapping keys of key material imports and the unwrapping of what was wrapped under them,
 * after AWS's wrapping algorithms: RSA-OAEP of the material itself; RSA_AES_KEY_WRAP, an
 * ephemeral AES key under RSA-OAEP followed by the material under that key with AES key wrap with
 * padding (RFC 5649), as PKCS #11's CKM_RSA_AES_KEY_WRAP; and SM2PKE (DER, C1C3C2).
 */
public final class KeyUnwrapping {
    private KeyUnwrapping() {
    }

    /** @param wrappingKeySpec AWS's WrappingKeySpec name: RSA_2048, RSA_3072, RSA_4096 or SM2 */
    public static GeneratedKey newWrappingKey(String wrappingKeySpec) {
        return KeyEngines.forSpec(wrappingKeySpec).generate();
    }

    /**
     * The key material wrapped in {@code blob}; empty when it does not unwrap under this key.
     *
     * @param algorithm AWS's AlgorithmSpec name (not RSAES_PKCS1_V1_5, which AWS no longer takes)
     */
    public static Optional<byte[]> unwrap(String algorithm, byte[] privateKey, byte[] blob) {
        return switch (algorithm) {
            case "RSAES_OAEP_SHA_1" -> oaep(privateKey, blob, false);
            case "RSAES_OAEP_SHA_256" -> oaep(privateKey, blob, true);
            case "RSA_AES_KEY_WRAP_SHA_1" -> rsaAesKeyWrap(privateKey, blob, false);
            case "RSA_AES_KEY_WRAP_SHA_256" -> rsaAesKeyWrap(privateKey, blob, true);
            case "SM2PKE" -> new Sm2Engine().decrypt(privateKey, EncryptionAlgorithm.SM2PKE, blob);
            default -> throw new IllegalArgumentException("no unwrapping with " + algorithm);
        };
    }

    private static Optional<byte[]> rsaAesKeyWrap(byte[] privateKey, byte[] blob, boolean sha256) {
        RSAPrivateKey key = (RSAPrivateKey) JdkKeys.privateKey("RSA", privateKey);
        int modulusBytes = (key.getModulus().bitLength() + 7) / 8;
        if (blob.length <= modulusBytes) {
            return Optional.empty();
        }
        Optional<byte[]> aesKey = oaep(privateKey, Arrays.copyOf(blob, modulusBytes), sha256)
                .filter(k -> k.length == 16 || k.length == 24 || k.length == 32);
        if (aesKey.isEmpty()) {
            return Optional.empty();
        }
        RFC5649WrapEngine wrap = new RFC5649WrapEngine(AESEngine.newInstance());
        wrap.init(false, new KeyParameter(aesKey.get()));
        try {
            return Optional.of(wrap.unwrap(blob, modulusBytes, blob.length - modulusBytes));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> oaep(byte[] privateKey, byte[] ciphertext, boolean sha256) {
        OAEPParameterSpec spec = sha256
                ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, JdkKeys.privateKey("RSA", privateKey), spec);
            return Optional.of(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
