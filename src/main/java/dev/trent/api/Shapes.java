package dev.trent.api;

import dev.trent.kms.Alias;
import dev.trent.kms.EncryptionAlgorithm;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KeyState;
import dev.trent.kms.KmsException;
import dev.trent.kms.KmsKey;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;

/** The domain's values in AWS's response shapes, and AWS's request values in the domain's types. */
final class Shapes {
    private Shapes() {
    }

    static KeyMetadata keyMetadata(KmsKey key) {
        KeyMetadata.Builder b = KeyMetadata.builder()
                .awsAccountId(key.scope().account())
                .keyId(key.keyId())
                .arn(key.arn())
                .creationDate(key.creationDate())
                .enabled(key.state() == KeyState.ENABLED)
                .description(key.description())
                .keyUsage(key.usage().name())
                .keyState(key.state().awsName())
                .origin(key.origin().name())
                .keyManager(key.manager().name())
                .customerMasterKeySpec(key.spec().name())
                .keySpec(key.spec().name())
                .encryptionAlgorithmsWithStrings(EncryptionAlgorithm.SYMMETRIC_DEFAULT.name())
                .multiRegion(key.multiRegion())
                .currentKeyMaterialId(key.currentMaterialId());
        if (key.state() == KeyState.PENDING_DELETION) {
            // PendingDeletionWindowInDays is only for multi-Region primaries waiting on their replicas
            b.deletionDate(key.deletionDate());
        }
        if (key.multiRegion()) {
            b.multiRegionConfiguration(MultiRegionConfiguration.builder()
                    .multiRegionKeyType(MultiRegionKeyType.PRIMARY)
                    .primaryKey(MultiRegionKey.builder().arn(key.arn()).region(key.scope().region()).build())
                    .replicaKeys(List.of())
                    .build());
        }
        return b.build();
    }

    static AliasListEntry aliasEntry(Alias alias) {
        return AliasListEntry.builder()
                .aliasName(alias.name())
                .aliasArn(alias.arn())
                .targetKeyId(alias.targetKeyId())
                .creationDate(alias.created())
                .lastUpdatedDate(alias.lastUpdated())
                .build();
    }

    static byte[] bytes(SdkBytes blob) {
        return blob == null ? null : blob.asByteArray();
    }

    static SdkBytes blob(byte[] bytes) {
        return bytes == null ? null : SdkBytes.fromByteArrayUnsafe(bytes);
    }

    static Map<String, String> context(Map<String, String> context) {
        return context == null ? Map.of() : context;
    }

    static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /**
     * An AWS enum value as the domain's enum. The request validator has already refused values
     * outside AWS's set; a value AWS knows and the domain does not is not supported here yet.
     */
    static <E extends Enum<E>> E domainEnum(String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "Trent does not support " + type.getSimpleName() + " " + value + " yet.");
        }
    }
}
