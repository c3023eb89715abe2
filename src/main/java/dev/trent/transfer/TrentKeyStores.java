package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.kms.ConnectionState;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.CustomKeyStoreType;
import dev.trent.kms.KeyStoreBinding;
import dev.trent.kms.Scope;
import dev.trent.kms.XksProxy;
import dev.trent.kms.XksProxyConnectivity;
import java.time.Instant;

/**
 * Custom key stores, and the binding of a key to one, in Trent's key file format. Their secrets
 * (the kmsuser password, the proxy's secret access key) are written only with the key material.
 */
final class TrentKeyStores {
    private TrentKeyStores() {
    }

    static CustomKeyStore read(JsonNode node, Scope scope, Instant now) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a custom key store must be an object");
        }
        CustomKeyStoreType type = Fields.enumValue(node, "type", CustomKeyStoreType.class, null);
        if (type == null) {
            throw new IllegalArgumentException("type is missing");
        }
        XksProxy proxy = null;
        JsonNode p = Fields.object(node, "xksProxy");
        if (p != null) {
            proxy = new XksProxy(Fields.enumValue(p, "connectivity", XksProxyConnectivity.class,
                    XksProxyConnectivity.PUBLIC_ENDPOINT), Fields.text(p, "uriEndpoint", null),
                    Fields.text(p, "uriPath", null), Fields.text(p, "vpcEndpointServiceName", null),
                    Fields.text(p, "vpcEndpointServiceOwner", null), Fields.text(p, "accessKeyId", null),
                    Fields.text(p, "secretAccessKey", null));
        }
        return new CustomKeyStore(scope, Fields.required(node, "id"), Fields.required(node, "name"), type,
                Fields.instant(node, "created", now),
                Fields.enumValue(node, "connectionState", ConnectionState.class, ConnectionState.DISCONNECTED),
                Fields.text(node, "connectionErrorCode", null), Fields.instant(node, "connectedAt", null),
                Fields.text(node, "pendingErrorCode", null), Fields.text(node, "cloudHsmClusterId", null),
                Fields.text(node, "trustAnchorCertificate", null), Fields.text(node, "keyStorePassword", null), proxy);
    }

    static ObjectNode write(CustomKeyStore keyStore, boolean includeSecrets) {
        ObjectNode node = StoreExport.JSON.createObjectNode();
        node.put("id", keyStore.id());
        node.put("name", keyStore.name());
        node.put("type", keyStore.type().name());
        node.put("created", keyStore.creationDate().toString());
        node.put("connectionState", keyStore.connectionState().name());
        put(node, "connectionErrorCode", keyStore.connectionErrorCode());
        if (keyStore.connectedAt() != null) {
            node.put("connectedAt", keyStore.connectedAt().toString());
        }
        put(node, "pendingErrorCode", keyStore.pendingErrorCode());
        put(node, "cloudHsmClusterId", keyStore.cloudHsmClusterId());
        put(node, "trustAnchorCertificate", keyStore.trustAnchorCertificate());
        if (includeSecrets) {
            put(node, "keyStorePassword", keyStore.keyStorePassword());
        }
        XksProxy proxy = keyStore.xksProxy();
        if (proxy != null) {
            ObjectNode p = node.putObject("xksProxy");
            if (proxy.connectivity() != null) {
                p.put("connectivity", proxy.connectivity().name());
            }
            put(p, "uriEndpoint", proxy.uriEndpoint());
            put(p, "uriPath", proxy.uriPath());
            put(p, "vpcEndpointServiceName", proxy.vpcEndpointServiceName());
            put(p, "vpcEndpointServiceOwner", proxy.vpcEndpointServiceOwner());
            put(p, "accessKeyId", proxy.accessKeyId());
            if (includeSecrets) {
                put(p, "secretAccessKey", proxy.rawSecretAccessKey());
            }
        }
        return node;
    }

    static KeyStoreBinding binding(JsonNode keyNode) {
        JsonNode node = Fields.object(keyNode, "keyStore");
        return node == null ? null : new KeyStoreBinding(Fields.required(node, "id"),
                Fields.text(node, "cloudHsmClusterId", null), Fields.text(node, "xksKeyId", null));
    }

    static void writeBinding(ObjectNode keyNode, KeyStoreBinding binding) {
        if (binding != null) {
            ObjectNode node = keyNode.putObject("keyStore");
            node.put("id", binding.customKeyStoreId());
            put(node, "cloudHsmClusterId", binding.cloudHsmClusterId());
            put(node, "xksKeyId", binding.xksKeyId());
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
