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
        XksProxy proxy) {

    boolean hasCloudHsmSettings() {
        return cloudHsmClusterId != null || keyStorePassword != null;
    }

    boolean hasXksSettings() {
        return proxy.anyGiven();
    }

    /** Whether the update may be made while the key store is connected, as AWS allows for these properties only. */
    boolean allowedWhileConnected() {
        return cloudHsmClusterId == null && keyStorePassword == null && proxy.connectivity() == null
                && proxy.uriEndpoint() == null && proxy.vpcEndpointServiceName() == null
                && proxy.vpcEndpointServiceOwner() == null;
    }
}
