package dev.trent.kms;

/** AWS's XksProxyConnectivityType: how KMS reaches an external key store proxy. */
public enum XksProxyConnectivity {
    PUBLIC_ENDPOINT,
    VPC_ENDPOINT_SERVICE
}
