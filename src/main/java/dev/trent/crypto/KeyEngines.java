package dev.trent.crypto;

/**
 * The engine of each key type, by AWS's key spec name. Engines are made on first use, so that a
 * Trent which never meets an ML-KEM key never loads the classes behind it.
 */
public final class KeyEngines {
    private KeyEngines() {
    }

    /** @param keySpec AWS's KeySpec (or DataKeyPairSpec) name */
    public static KeyEngine forSpec(String keySpec) {
        return switch (keySpec) {
            case "SYMMETRIC_DEFAULT" -> new SymmetricKeyEngine();
            case "RSA_2048" -> new RsaEngine(2048);
            case "RSA_3072" -> new RsaEngine(3072);
            case "RSA_4096" -> new RsaEngine(4096);
            case "ECC_NIST_P256" -> new NistEcEngine("secp256r1");
            case "ECC_NIST_P384" -> new NistEcEngine("secp384r1");
            case "ECC_NIST_P521" -> new NistEcEngine("secp521r1");
            case "ECC_SECG_P256K1" -> new Secp256k1Engine();
            case "ECC_NIST_EDWARDS25519" -> new Ed25519Engine();
            case "SM2" -> new Sm2Engine();
            case "HMAC_224" -> new HmacEngine(28);
            case "HMAC_256" -> new HmacEngine(32);
            case "HMAC_384" -> new HmacEngine(48);
            case "HMAC_512" -> new HmacEngine(64);
            case "ML_DSA_44" -> new MlDsaEngine("ML-DSA-44");
            case "ML_DSA_65" -> new MlDsaEngine("ML-DSA-65");
            case "ML_DSA_87" -> new MlDsaEngine("ML-DSA-87");
            case "ML_KEM_512" -> new MlKemEngine("ML-KEM-512");
            case "ML_KEM_768" -> new MlKemEngine("ML-KEM-768");
            case "ML_KEM_1024" -> new MlKemEngine("ML-KEM-1024");
            default -> throw new IllegalArgumentException("no key engine for " + keySpec);
        };
    }
}
