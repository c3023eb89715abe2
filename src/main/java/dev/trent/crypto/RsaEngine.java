package dev.trent.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * RSA_2048, RSA_3072, RSA_4096: RSAES-OAEP with MGF1 of the same hash and an empty label;
 * RSASSA-PKCS1-v1_5 and RSASSA-PSS (MGF1 of the same hash, salt as long as the hash). Both kinds of
 * signature are made over the message's digest, so RAW and DIGEST messages take one path. The JDK
 * does everything but PSS over a given digest, which BouncyCastle's raw PSS signer does.
 */
final class RsaEngine implements KeyEngine {
    private static final HexFormat HEX = HexFormat.of();

    private final int bits;

    RsaEngine(int bits) {
        this.bits = bits;
    }

    @Override
    public GeneratedKey generate() {
        return JdkKeys.generate("RSA", new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
    }

    @Override
    public byte[] encrypt(byte[] publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.ENCRYPT_MODE, JdkKeys.publicKey("RSA", publicKey), oaep(algorithm));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP encryption failed", e);
        }
    }

    @Override
    public Optional<byte[]> decrypt(byte[] privateKey, EncryptionAlgorithm algorithm, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, JdkKeys.privateKey("RSA", privateKey), oaep(algorithm));
            return Optional.of(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** OAEP takes k - 2 hLen - 2 bytes with a k-byte modulus and an hLen-byte hash. */
    @Override
    public int maxPlaintext(EncryptionAlgorithm algorithm) {
        int hashLength = algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1 ? 20 : 32;
        return bits / 8 - 2 * hashLength - 2;
    }

    private static OAEPParameterSpec oaep(EncryptionAlgorithm algorithm) {
        return algorithm == EncryptionAlgorithm.RSAES_OAEP_SHA_1
                ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    @Override
    public byte[] sign(byte[] privateKey, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        try {
            if (isPss(algorithm)) {
                PSSSigner signer = pss(algorithm);
                signer.init(true, new ParametersWithRandom(
                        BcKeys.privateKey(privateKey, RSAKeyParameters.class), Randomness.SOURCE));
                signer.update(digest, 0, digest.length);
                return signer.generateSignature();
            }
            Signature signature = Signature.getInstance("NONEwithRSA");
            signature.initSign(JdkKeys.privateKey("RSA", privateKey));
            signature.update(digestInfo(algorithm.digest(), digest));
            return signature.sign();
        } catch (GeneralSecurityException | CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    @Override
    public boolean verify(byte[] publicKey, SigningAlgorithm algorithm, MessageType type, byte[] message,
            byte[] signature) {
        byte[] digest = type == MessageType.DIGEST ? message : algorithm.digest().hash(message);
        if (isPss(algorithm)) {
            PSSSigner verifier = pss(algorithm);
            verifier.init(false, BcKeys.publicKey(publicKey, RSAKeyParameters.class));
            verifier.update(digest, 0, digest.length);
            return verifier.verifySignature(signature);
        }
        try {
            Signature verifier = Signature.getInstance("NONEwithRSA");
            verifier.initVerify(JdkKeys.publicKey("RSA", publicKey));
            verifier.update(digestInfo(algorithm.digest(), digest));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isPss(SigningAlgorithm algorithm) {
        return algorithm.name().startsWith("RSASSA_PSS_");
    }

    private static PSSSigner pss(SigningAlgorithm algorithm) {
        Digest hash = algorithm.digest();
        return PSSSigner.createRawSigner(new RSABlindedEngine(), bcDigest(hash), bcDigest(hash), hash.length(),
                PSSSigner.TRAILER_IMPLICIT);
    }

    private static org.bouncycastle.crypto.Digest bcDigest(Digest hash) {
        return switch (hash) {
            case SHA_256 -> new SHA256Digest();
            case SHA_384 -> new SHA384Digest();
            case SHA_512 -> new SHA512Digest();
            default -> throw new IllegalStateException("RSA-PSS is not defined with " + hash);
        };
    }

    /** PKCS#1 v1.5's DigestInfo: the DER prefix of RFC 8017 section 9.2, note 1, and the digest. */
    private static byte[] digestInfo(Digest hash, byte[] digest) {
        String prefix = switch (hash) {
            case SHA_256 -> "3031300d060960864801650304020105000420";
            case SHA_384 -> "3041300d060960864801650304020205000430";
            case SHA_512 -> "3051300d060960864801650304020305000440";
            default -> throw new IllegalStateException("RSASSA-PKCS1-v1_5 is not defined with " + hash);
        };
        byte[] head = HEX.parseHex(prefix);
        byte[] info = new byte[head.length + digest.length];
        System.arraycopy(head, 0, info, 0, head.length);
        System.arraycopy(digest, 0, info, head.length, digest.length);
        return info;
    }

}
