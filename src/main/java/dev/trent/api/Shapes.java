package dev.trent.api;

import dev.trent.kms.Alias;
import dev.trent.kms.Algorithms;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyState;
import dev.trent.kms.KmsException;
import dev.trent.kms.KmsKey;
import dev.trent.kms.MultiRegion;
import dev.trent.kms.Origin;
import dev.trent.kms.Scope;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.XksKeyConfigurationType;

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
                .customerMasterKeySpec(legacySpec(key.spec()))
                .keySpec(key.spec().name())
                .multiRegion(key.isMultiRegion());
        if (key.keyStore() != null) {
            b.customKeyStoreId(key.keyStore().customKeyStoreId())
                    .cloudHsmClusterId(key.keyStore().cloudHsmClusterId());
            if (key.keyStore().xksKeyId() != null) {
                b.xksKeyConfiguration(XksKeyConfigurationType.builder().id(key.keyStore().xksKeyId()).build());
            }
        }
        Algorithms algorithms = key.algorithms();
        b.encryptionAlgorithmsWithStrings(names(algorithms.encryption()))
                .signingAlgorithmsWithStrings(names(algorithms.signing()))
                .macAlgorithmsWithStrings(names(algorithms.mac()))
                .keyAgreementAlgorithmsWithStrings(names(algorithms.keyAgreement()))
                .encapsulationAlgorithmsWithStrings(names(algorithms.encapsulation()));
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT) { // AWS reports material ids of symmetric keys only
            b.currentKeyMaterialId(key.currentMaterialId());
        }
        if (key.origin() == Origin.EXTERNAL) { // the expiry of the current imported material, while imported
            key.currentMaterial().filter(KeyMaterial::present).map(KeyMaterial::imported).ifPresent(imported -> b
                    .expirationModel(imported.expirationModel().name())
                    .validTo(imported.validTo()));
        }
        if (key.state() == KeyState.PENDING_DELETION) {
            b.deletionDate(key.deletionDate());
        }
        if (key.state() == KeyState.PENDING_REPLICA_DELETION) {
            // a primary waiting for its replicas: its waiting period is known, its date not yet
            b.pendingDeletionWindowInDays(key.pendingWindowInDays());
        }
        if (key.isMultiRegion()) {
            b.multiRegionConfiguration(multiRegionConfiguration(key));
        }
        return b.build();
    }

    /** The whole set of related keys, the same from the primary and from every replica. */
    private static MultiRegionConfiguration multiRegionConfiguration(KmsKey key) {
        MultiRegion config = key.multiRegion();
        return MultiRegionConfiguration.builder()
                .multiRegionKeyType(config.isPrimary() ? MultiRegionKeyType.PRIMARY : MultiRegionKeyType.REPLICA)
                .primaryKey(multiRegionKey(key, config.primaryRegion()))
                .replicaKeys(config.replicaRegions().stream().map(region -> multiRegionKey(key, region)).toList())
                .build();
    }

    private static MultiRegionKey multiRegionKey(KmsKey key, String region) {
        return MultiRegionKey.builder()
                .arn(new Scope(key.scope().account(), region).keyArn(key.keyId()))
                .region(region)
                .build();
    }

    /**
     * The deprecated CustomerMasterKeySpec, which AWS still fills for the key specs it had when it
     * deprecated the field, and leaves out for the newer ones (Ed25519, ML-DSA, ML-KEM).
     */
    static String legacySpec(KeySpec spec) {
        return CustomerMasterKeySpec.fromValue(spec.name()) == CustomerMasterKeySpec.UNKNOWN_TO_SDK_VERSION
                ? null : spec.name();
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

    /** AWS names of algorithms, or null for none: AWS leaves out the lists of the usages a key does not have. */
    static List<String> names(List<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).toList();
    }
}
