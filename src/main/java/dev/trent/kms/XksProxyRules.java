package dev.trent.kms;

import java.util.List;

/**
 * AWS's rules for the proxy settings of external key stores: which settings go together, how an
 * update changes them, which must be unique among the external key stores of an account and Region,
 * and what KMS learns by reaching a public proxy.
 */
final class XksProxyRules {
    private XksProxyRules() {
    }

    /**
     * The proxy's connectivity settings checked against each other; a VPC endpoint service's owner
     * defaults to the caller.
     */
    static XksProxy checked(Scope scope, XksProxy proxy) {
        if (proxy.usesVpcEndpointService()) {
            if (proxy.vpcEndpointServiceName() == null) {
                throw KmsException.validation("XksProxyVpcEndpointServiceName is required when XksProxyConnectivity "
                        + "is VPC_ENDPOINT_SERVICE.");
            }
            return proxy.vpcEndpointServiceOwner() != null ? proxy : new XksProxy(proxy.connectivity(),
                    proxy.uriEndpoint(), proxy.uriPath(), proxy.vpcEndpointServiceName(), scope.account(),
                    proxy.accessKeyId(), proxy.rawSecretAccessKey());
        }
        if (proxy.vpcEndpointServiceName() != null || proxy.vpcEndpointServiceOwner() != null) {
            throw KmsException.validation("XksProxyVpcEndpointServiceName and XksProxyVpcEndpointServiceOwner are "
                    + "valid only when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.");
        }
        return proxy;
    }

    static XksProxy updated(XksProxy old, XksProxy c) {
        XksProxyConnectivity connectivity = c.connectivity() == null ? old.connectivity() : c.connectivity();
        if (connectivity != old.connectivity() && c.uriEndpoint() == null) {
            throw KmsException.validation("When you change XksProxyConnectivity, you must also change "
                    + "XksProxyUriEndpoint.");
        }
        String serviceName = c.vpcEndpointServiceName() == null ? old.vpcEndpointServiceName()
                : c.vpcEndpointServiceName().isEmpty() ? null : c.vpcEndpointServiceName();
        String owner = c.vpcEndpointServiceOwner() == null ? old.vpcEndpointServiceOwner()
                : c.vpcEndpointServiceOwner();
        if (connectivity == XksProxyConnectivity.PUBLIC_ENDPOINT && old.usesVpcEndpointService()) {
            // the VPC endpoint service goes with the connectivity that needed it
            serviceName = c.vpcEndpointServiceName() == null || c.vpcEndpointServiceName().isEmpty() ? null
                    : c.vpcEndpointServiceName();
            owner = c.vpcEndpointServiceOwner();
        }
        return new XksProxy(connectivity,
                c.uriEndpoint() == null ? old.uriEndpoint() : c.uriEndpoint(),
                c.uriPath() == null ? old.uriPath() : c.uriPath(),
                serviceName, owner,
                c.accessKeyId() == null ? old.accessKeyId() : c.accessKeyId(),
                c.rawSecretAccessKey() == null ? old.rawSecretAccessKey() : c.rawSecretAccessKey());
    }

    /** AWS's uniqueness rules for proxies among the external key stores of an account and Region. */
    static void requireUnique(List<CustomKeyStore> all, XksProxy proxy, String self) {
        for (CustomKeyStore other : all) {
            XksProxy theirs = other.xksProxy();
            if (theirs == null || other.id().equals(self)) {
                continue;
            }
            if (theirs.uri().equals(proxy.uri())) {
                throw new KmsException(ErrorCode.XKS_PROXY_URI_IN_USE, "The XksProxyUriEndpoint and XksProxyUriPath "
                        + proxy.uri() + " are already associated with custom key store " + other.id() + ".");
            }
            if (theirs.uriEndpoint().equals(proxy.uriEndpoint())
                    && (proxy.usesVpcEndpointService() || theirs.usesVpcEndpointService())) {
                throw new KmsException(ErrorCode.XKS_PROXY_URI_ENDPOINT_IN_USE, "The XksProxyUriEndpoint "
                        + proxy.uriEndpoint() + " is already associated with custom key store " + other.id() + ".");
            }
            if (proxy.usesVpcEndpointService() && theirs.usesVpcEndpointService()
                    && theirs.vpcEndpointServiceName().equals(proxy.vpcEndpointServiceName())
                    && theirs.vpcEndpointServiceOwner().equals(proxy.vpcEndpointServiceOwner())) {
                throw new KmsException(ErrorCode.XKS_PROXY_VPC_ENDPOINT_SERVICE_IN_USE, "The VPC endpoint service "
                        + proxy.vpcEndpointServiceName() + " is already associated with custom key store "
                        + other.id() + ".");
            }
        }
    }

    /**
     * KMS reaches a public proxy when the key store is created or updated, and so learns that it is
     * unreachable or rejects the credential; a proxy behind a VPC endpoint service only when connecting.
     */
    static void requireReachable(XksProxy proxy) {
        if (proxy.usesVpcEndpointService()) {
            return;
        }
        if (SimulatedBackends.unreachable(proxy)) {
            throw new KmsException(ErrorCode.XKS_PROXY_URI_UNREACHABLE, "KMS cannot reach the external key store "
                    + "proxy at " + proxy.uri() + ".");
        }
        if (SimulatedBackends.rejectsCredential(null, proxy)) {
            throw new KmsException(ErrorCode.XKS_PROXY_INCORRECT_AUTHENTICATION_CREDENTIAL, "The external key store "
                    + "proxy rejected the XksProxyAuthenticationCredential with AccessKeyId " + proxy.accessKeyId()
                    + ".");
        }
    }
}
