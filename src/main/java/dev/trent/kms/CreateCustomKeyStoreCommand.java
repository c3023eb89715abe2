package dev.trent.kms;

/** What CreateCustomKeyStore asks for; a null type is AWS's default, AWS_CLOUDHSM. */
public record CreateCustomKeyStoreCommand(
        String name,
        CustomKeyStoreType type,
        String cloudHsmClusterId,
        String trustAnchorCertificate,
        String keyStorePassword,
        XksProxyConnectivity connectivity,
        String uriEndpoint,
        String uriPath,
        String vpcEndpointServiceName,
        String vpcEndpointServiceOwner,
        String accessKeyId,
        String rawSecretAccessKey) {

    boolean hasXksSettings() {
        return connectivity != null || uriEndpoint != null || uriPath != null || vpcEndpointServiceName != null
                || vpcEndpointServiceOwner != null || accessKeyId != null;
    }

    boolean hasCloudHsmSettings() {
        return cloudHsmClusterId != null || trustAnchorCertificate != null || keyStorePassword != null;
    }
}
