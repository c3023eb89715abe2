package dev.trent.kms;

/**
 * What UpdateCustomKeyStore asks to change; null leaves a property as it is. An empty
 * {@code vpcEndpointServiceName} removes it (AWS's way when connectivity becomes PUBLIC_ENDPOINT).
 */
public record UpdateCustomKeyStoreCommand(
        String id,
        String newName,
        String cloudHsmClusterId,
        String keyStorePassword,
        XksProxyConnectivity connectivity,
        String uriEndpoint,
        String uriPath,
        String vpcEndpointServiceName,
        String vpcEndpointServiceOwner,
        String accessKeyId,
        String rawSecretAccessKey) {

    boolean hasCloudHsmSettings() {
        return cloudHsmClusterId != null || keyStorePassword != null;
    }

    boolean hasXksSettings() {
        return connectivity != null || uriEndpoint != null || uriPath != null || vpcEndpointServiceName != null
                || vpcEndpointServiceOwner != null || accessKeyId != null;
    }

    /** Whether the update may be made while the key store is connected, as AWS allows for these properties only. */
    boolean allowedWhileConnected() {
        return cloudHsmClusterId == null && keyStorePassword == null && connectivity == null && uriEndpoint == null
                && vpcEndpointServiceName == null && vpcEndpointServiceOwner == null;
    }
}
