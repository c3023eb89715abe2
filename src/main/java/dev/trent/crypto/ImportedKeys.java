package dev.trent.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Key material from outside, checked against the key spec it is imported into: the raw key of
 * symmetric and HMAC keys, a PKCS#8 DER private key of asymmetric ones. The result is in the form
 * of generated keys, so the engines use imported and generated material alike.
 */
public final class ImportedKeys {
    private ImportedKeys() {
    }

    /** @param keySpec AWS's KeySpec name; empty when the material does not fit it */
    public static Optional<GeneratedKey> read(String keySpec, byte[] material) {
        return switch (keySpec) {
            case "SYMMETRIC_DEFAULT" -> raw(material, SymmetricKeyEngine.KEY_BYTES, SymmetricKeyEngine.KEY_BYTES);
            // the lengths AWS accepts: at least the digest's output, at most its block
            case "HMAC_224" -> raw(material, 28, 64);
            case "HMAC_256" -> raw(material, 32, 64);
            case "HMAC_384" -> raw(material, 48, 128);
            case "HMAC_512" -> raw(material, 64, 128);
            case "RSA_2048" -> rsa(material, 2048);
            case "RSA_3072" -> rsa(material, 3072);
            case "RSA_4096" -> rsa(material, 4096);
            case "ECC_NIST_P256" -> ec(material, "secp256r1");
            case "ECC_NIST_P384" -> ec(material, "secp384r1");
            case "ECC_NIST_P521" -> ec(material, "secp521r1");
            case "ECC_SECG_P256K1" -> ec(material, "secp256k1");
            case "SM2" -> ec(material, "sm2p256v1");
            default -> Optional.empty();
        };
    }

    /** Whether key material of this spec can be imported at all. */
    public static boolean importable(String keySpec) {
        return switch (keySpec) {
            case "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "RSA_2048", "RSA_3072",
                    "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2" -> true;
            default -> false;
        };
    }

    private static Optional<GeneratedKey> raw(byte[] material, int min, int max) {
        return material.length < min || material.length > max
                ? Optional.empty() : Optional.of(new GeneratedKey(material.clone(), null));
    }

    private static Optional<GeneratedKey> rsa(byte[] pkcs8, int bits) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey key)
                    || key.getModulus().bitLength() != bits
                    || !key.getPrimeP().multiply(key.getPrimeQ()).equals(key.getModulus())) {
                return Optional.empty();
            }
            byte[] publicKey = factory.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()))
                    .getEncoded();
            return Optional.of(new GeneratedKey(key.getEncoded(), publicKey));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<GeneratedKey> ec(byte[] pkcs8, String curve) {
        AsymmetricKeyParameter parsed;
        try {
            parsed = PrivateKeyFactory.createKey(pkcs8);
        } catch (Exception e) {
            return Optional.empty();
        }
        ECNamedDomainParameters domain = BcCurves.domain(curve);
        if (!(parsed instanceof ECPrivateKeyParameters key)
                || !key.getParameters().getCurve().equals(domain.getCurve())
                || !key.getParameters().getG().equals(domain.getG())) {
            return Optional.empty();
        }
        BigInteger d = key.getD();
        if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
            return Optional.empty();
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
        // re-encoded so that both halves name the curve by its OID, as generated keys do
        return Optional.of(BcKeys.encode(new ECPrivateKeyParameters(d, domain), new ECPublicKeyParameters(q, domain)));
    }
}
