package dev.trent.kms;

/**
 * The custom key store a key lives in.
 *
 * @param xksKeyId the id of the key in the external key manager; null for CloudHSM key stores
 */
public record KeyStoreBinding(String customKeyStoreId, String xksKeyId) {
}
