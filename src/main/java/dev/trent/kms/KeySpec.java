package dev.trent.kms;

import java.util.EnumSet;
import java.util.Set;

/** AWS's {@code KeySpec}: the type of a key's material, and what AWS lets each type be used for. */
public enum KeySpec {
    SYMMETRIC_DEFAULT(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT)),
    RSA_2048(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    RSA_3072(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    RSA_4096(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    ECC_NIST_P256(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
    ECC_NIST_P384(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
    ECC_NIST_P521(EnumSet.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
    ECC_SECG_P256K1(EnumSet.of(KeyUsage.SIGN_VERIFY)),
    ECC_NIST_EDWARDS25519(EnumSet.of(KeyUsage.SIGN_VERIFY)),
    SM2(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)),
    HMAC_224(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
    HMAC_256(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
    HMAC_384(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
    HMAC_512(EnumSet.of(KeyUsage.GENERATE_VERIFY_MAC)),
    ML_DSA_44(EnumSet.of(KeyUsage.SIGN_VERIFY)),
    ML_DSA_65(EnumSet.of(KeyUsage.SIGN_VERIFY)),
    ML_DSA_87(EnumSet.of(KeyUsage.SIGN_VERIFY)),
    ML_KEM_512(EnumSet.of(KeyUsage.ENCAPSULATE_DECAPSULATE)),
    ML_KEM_768(EnumSet.of(KeyUsage.ENCAPSULATE_DECAPSULATE)),
    ML_KEM_1024(EnumSet.of(KeyUsage.ENCAPSULATE_DECAPSULATE));

    private final Set<KeyUsage> usages;

    KeySpec(Set<KeyUsage> usages) {
        this.usages = usages;
    }

    public boolean allows(KeyUsage usage) {
        return usages.contains(usage);
    }

    /** Trent works with symmetric keys only so far; the other types come with their issue. */
    public boolean implemented() {
        return this == SYMMETRIC_DEFAULT;
    }
}
