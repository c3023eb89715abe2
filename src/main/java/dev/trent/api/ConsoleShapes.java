package dev.trent.api;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KeyRotations;
import dev.trent.kms.KmsKey;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyLastUsageData;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * The domain's values in the shapes the KMS API answers with, for the web console: the console
 * shows a key as DescribeKey does, a grant as ListGrants does, and so on, from the same code.
 */
public final class ConsoleShapes {
    private ConsoleShapes() {
    }

    public static KeyMetadata keyMetadata(KmsKey key) {
        return Shapes.keyMetadata(key);
    }

    public static AliasListEntry alias(Alias alias) {
        return Shapes.aliasEntry(alias);
    }

    public static GrantListEntry grant(Grant grant) {
        return GrantHandlers.entry(grant);
    }

    /** As ListKeyRotations with IncludeKeyMaterial ALL_KEY_MATERIAL shows a material. */
    public static RotationsListEntry material(KeyRotations.Entry entry) {
        return RotationHandlers.entry(entry);
    }

    /** As GetKeyRotationStatus answers, key id included. */
    public static GetKeyRotationStatusResponse rotationStatus(KeyRotations.Status status) {
        return RotationHandlers.statusResponse(status);
    }

    /** As DescribeCustomKeyStores lists it: never the proxy's secret nor the kmsuser password. */
    public static CustomKeyStoresListEntry customKeyStore(CustomKeyStore keyStore) {
        return CustomKeyStoreHandlers.entry(keyStore);
    }

    /** As GetKeyLastUsage reports the key's last use. */
    public static KeyLastUsageData lastUsage(KeyLastUsage use) {
        return KeyUsageHandlers.data(use);
    }
}
