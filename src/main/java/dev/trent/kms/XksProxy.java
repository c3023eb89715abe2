package dev.trent.kms;

/**
 * How KMS reaches the proxy of an external key store, and the credential it signs proxy requests with.
 *
 * @param vpcEndpointServiceName and {@code vpcEndpointServiceOwner}: null for PUBLIC_ENDPOINT connectivity
 */
public record XksProxy(
        XksProxyConnectivity connectivity,
        String uriEndpoint,
        String uriPath,
        String vpcEndpointServiceName,
        String vpcEndpointServiceOwner,
        String accessKeyId,
        String rawSecretAccessKey) {

    /** Whether a request gave any of the settings but the secret (the secret alone comes with an access key id). */
    boolean anyGiven() {
        return connectivity != null || uriEndpoint != null || uriPath != null || vpcEndpointServiceName != null
                || vpcEndpointServiceOwner != null || accessKeyId != null;
    }

    /** The proxy API address, which must be unique among the external key stores of a scope. */
    public String uri() {
        return uriEndpoint + uriPath;
    }

    public boolean usesVpcEndpointService() {
        return connectivity == XksProxyConnectivity.VPC_ENDPOINT_SERVICE;
    }
}
