package dev.trent.kms;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a grant may allow: AWS's {@code GrantOperation}. Each cryptographic operation belongs to the
 * key usage that performs it; the others (CreateGrant, DescribeKey, RetireGrant) suit every key.
 */
public enum GrantOperation {
    Decrypt(KeyUsage.ENCRYPT_DECRYPT, true),
    Encrypt(KeyUsage.ENCRYPT_DECRYPT, true),
    GenerateDataKey(KeyUsage.ENCRYPT_DECRYPT, true),
    GenerateDataKeyWithoutPlaintext(KeyUsage.ENCRYPT_DECRYPT, true),
    ReEncryptFrom(KeyUsage.ENCRYPT_DECRYPT, true),
    ReEncryptTo(KeyUsage.ENCRYPT_DECRYPT, true),
    Sign(KeyUsage.SIGN_VERIFY, false),
    Verify(KeyUsage.SIGN_VERIFY, false),
    GetPublicKey(null, false),
    CreateGrant(null, false),
    RetireGrant(null, false),
    DescribeKey(null, false),
    GenerateDataKeyPair(KeyUsage.ENCRYPT_DECRYPT, true),
    GenerateDataKeyPairWithoutPlaintext(KeyUsage.ENCRYPT_DECRYPT, true),
    GenerateMac(KeyUsage.GENERATE_VERIFY_MAC, false),
    VerifyMac(KeyUsage.GENERATE_VERIFY_MAC, false),
    DeriveSharedSecret(KeyUsage.KEY_AGREEMENT, false),
    Encapsulate(KeyUsage.ENCAPSULATE_DECAPSULATE, false),
    Decapsulate(KeyUsage.ENCAPSULATE_DECAPSULATE, false);

    /** The operations that only symmetric encryption keys perform: data keys and pairs come from them alone. */
    private static final Set<GrantOperation> SYMMETRIC_ONLY = EnumSet.of(GenerateDataKey,
            GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext);

    private final KeyUsage usage;
    private final boolean takesEncryptionContext;

    GrantOperation(KeyUsage usage, boolean takesEncryptionContext) {
        this.usage = usage;
        this.takesEncryptionContext = takesEncryptionContext;
    }

    /**
     * Whether a grant for this key may allow the operation, after AWS's "Grant operations": the
     * key must be able to perform it; GetPublicKey needs an asymmetric key.
     */
    public boolean supportedBy(KmsKey key) {
        if (this == GetPublicKey) {
            return key.spec().isAsymmetric();
        }
        if (usage == null) {
            return true;
        }
        if (SYMMETRIC_ONLY.contains(this) && key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            return false;
        }
        return key.usage() == usage;
    }

    /**
     * Whether the operation has an EncryptionContext parameter (with a symmetric encryption key), so
     * that an encryption context grant constraint can apply to it.
     */
    public boolean takesEncryptionContext() {
        return takesEncryptionContext;
    }

    /** Whether an encryption context constraint is allowed alongside the operation: it applies, or is ignored by AWS. */
    boolean allowsEncryptionContextConstraint() {
        return takesEncryptionContext || this == CreateGrant || this == DescribeKey || this == RetireGrant;
    }
}
