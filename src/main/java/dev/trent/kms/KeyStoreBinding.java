package dev.trent.kms;

/**
 * The custom key store a key lives in.
 *
 * @param cloudHsmClusterId the cluster of a CloudHSM key store when the key was created or last read;
 *     null for external key stores
 * @param xksKeyId the id of the key in the external key manager; null for CloudHSM key stores
 */
public record KeyStoreBinding(String customKeyStoreId, String cloudHsmClusterId, String xksKeyId) {
}
