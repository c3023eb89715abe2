package dev.trent.kms;

import static dev.trent.crypto.EncryptionAlgorithm.RSAES_OAEP_SHA_1;
import static dev.trent.crypto.EncryptionAlgorithm.RSAES_OAEP_SHA_256;
import static dev.trent.crypto.EncryptionAlgorithm.SM2PKE;
import static dev.trent.crypto.SigningAlgorithm.ECDSA_SHA_256;
import static dev.trent.crypto.SigningAlgorithm.ECDSA_SHA_384;
import static dev.trent.crypto.SigningAlgorithm.ECDSA_SHA_512;
import static dev.trent.crypto.SigningAlgorithm.ED25519_PH_SHA_512;
import static dev.trent.crypto.SigningAlgorithm.ED25519_SHA_512;
import static dev.trent.crypto.SigningAlgorithm.ML_DSA_SHAKE_256;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PSS_SHA_256;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PSS_SHA_384;
import static dev.trent.crypto.SigningAlgorithm.RSASSA_PSS_SHA_512;
import static dev.trent.crypto.SigningAlgorithm.SM2DSA;
import static dev.trent.kms.KeyUsage.ENCAPSULATE_DECAPSULATE;
import static dev.trent.kms.KeyUsage.ENCRYPT_DECRYPT;
import static dev.trent.kms.KeyUsage.GENERATE_VERIFY_MAC;
import static dev.trent.kms.KeyUsage.KEY_AGREEMENT;
import static dev.trent.kms.KeyUsage.SIGN_VERIFY;

import dev.trent.crypto.EncryptionAlgorithm;
import dev.trent.crypto.KeyEngine;
import dev.trent.crypto.KeyEngines;
import dev.trent.crypto.MacAlgorithm;
import java.util.EnumMap;
import java.util.Map;

/**
 * AWS's {@code KeySpec}: the type of a key's material, the usages AWS allows for it, and for each
 * usage the algorithms AWS supports, in AWS's order.
 */
public enum KeySpec {
    SYMMETRIC_DEFAULT(Map.of(ENCRYPT_DECRYPT, Algorithms.encryption(EncryptionAlgorithm.SYMMETRIC_DEFAULT))),
    RSA_2048(rsa()),
    RSA_3072(rsa()),
    RSA_4096(rsa()),
    ECC_NIST_P256(nistCurve(ECDSA_SHA_256)),
    ECC_NIST_P384(nistCurve(ECDSA_SHA_384)),
    ECC_NIST_P521(nistCurve(ECDSA_SHA_512)),
    ECC_SECG_P256K1(Map.of(SIGN_VERIFY, Algorithms.signing(ECDSA_SHA_256))),
    ECC_NIST_EDWARDS25519(Map.of(SIGN_VERIFY, Algorithms.signing(ED25519_SHA_512, ED25519_PH_SHA_512))),
    SM2(Map.of(
            ENCRYPT_DECRYPT, Algorithms.encryption(SM2PKE),
            SIGN_VERIFY, Algorithms.signing(SM2DSA),
            KEY_AGREEMENT, Algorithms.ecdh())),
    HMAC_224(Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_224))),
    HMAC_256(Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_256))),
    HMAC_384(Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_384))),
    HMAC_512(Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_512))),
    ML_DSA_44(Map.of(SIGN_VERIFY, Algorithms.signing(ML_DSA_SHAKE_256))),
    ML_DSA_65(Map.of(SIGN_VERIFY, Algorithms.signing(ML_DSA_SHAKE_256))),
    ML_DSA_87(Map.of(SIGN_VERIFY, Algorithms.signing(ML_DSA_SHAKE_256))),
    ML_KEM_512(Map.of(ENCAPSULATE_DECAPSULATE, Algorithms.mlKem())),
    ML_KEM_768(Map.of(ENCAPSULATE_DECAPSULATE, Algorithms.mlKem())),
    ML_KEM_1024(Map.of(ENCAPSULATE_DECAPSULATE, Algorithms.mlKem()));

    private final Map<KeyUsage, Algorithms> usages;
    private volatile KeyEngine engine;

    KeySpec(Map<KeyUsage, Algorithms> usages) {
        this.usages = new EnumMap<>(usages);
    }

    private static Map<KeyUsage, Algorithms> rsa() {
        return Map.of(
                ENCRYPT_DECRYPT, Algorithms.encryption(RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256),
                SIGN_VERIFY, Algorithms.signing(RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384,
                        RSASSA_PKCS1_V1_5_SHA_512, RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512));
    }

    private static Map<KeyUsage, Algorithms> nistCurve(dev.trent.crypto.SigningAlgorithm ecdsa) {
        return Map.of(SIGN_VERIFY, Algorithms.signing(ecdsa), KEY_AGREEMENT, Algorithms.ecdh());
    }

    public boolean allows(KeyUsage usage) {
        return usages.containsKey(usage);
    }

    /** The algorithms of a key of this spec with this (allowed) usage. */
    public Algorithms algorithms(KeyUsage usage) {
        return usages.get(usage);
    }

    /**
     * SM2 is offered only in the China Regions (the {@code aws-cn} partition), and ML-KEM
     * everywhere but there.
     *
     * @param parameter the request member naming the spec, for AWS's message: KeySpec or KeyPairSpec
     */
    void requireAvailableIn(Scope scope, String parameter) {
        boolean china = scope.partition().equals("aws-cn");
        if (this == SM2 && !china || name().startsWith("ML_KEM_") && china) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    parameter + " " + name() + " is not supported in this Region");
        }
    }

    public boolean isAsymmetric() {
        return this != SYMMETRIC_DEFAULT && !name().startsWith("HMAC_");
    }

    KeyEngine engine() {
        KeyEngine current = engine;
        if (current == null) {
            current = KeyEngines.forSpec(name());
            engine = current;
        }
        return current;
    }
}
