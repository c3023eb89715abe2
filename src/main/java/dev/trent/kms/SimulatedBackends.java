package dev.trent.kms;

import java.time.Duration;

/**
 * The CloudHSM clusters and external key store proxies behind custom key stores, simulated: every
 * cluster id of AWS's format exists, is active and related to every other; every proxy is reachable
 * and holds an enabled AES-256 key under every XksKeyId. Tests reach AWS's failure paths with
 * reserved values:
 * <ul>
 * <li>a KeyStorePassword that starts with {@code invalid}, or a proxy AccessKeyId that starts with
 *     {@code INVALID}: the cluster or proxy rejects the credential;</li>
 * <li>an XksProxyUriEndpoint whose host starts with {@code unreachable}: the proxy cannot be reached;</li>
 * <li>an XksKeyId that starts with {@code missing}: the external key manager has no such key; one that
 *     starts with {@code unusable}: the key is not an enabled AES-256 encryption key.</li>
 * </ul>
 */
final class SimulatedBackends {
    /** How long a connection attempt takes on Trent's clock: long enough to be seen, short enough for pollers. */
    static final Duration CONNECT_TIME = Duration.ofSeconds(2);

    private SimulatedBackends() {
    }

    /** AWS's ConnectionErrorCodeType with which connecting the key store fails, or null when it connects. */
    static String connectionError(CustomKeyStore store) {
        if (store.xksProxy() != null && unreachable(store.xksProxy())) {
            return "XKS_PROXY_NOT_REACHABLE";
        }
        return rejectsCredential(store.keyStorePassword(), store.xksProxy()) ? "INVALID_CREDENTIALS" : null;
    }

    static boolean rejectsCredential(String keyStorePassword, XksProxy proxy) {
        if (proxy != null) {
            return proxy.accessKeyId().startsWith("INVALID");
        }
        return keyStorePassword != null && keyStorePassword.startsWith("invalid");
    }

    static boolean unreachable(XksProxy proxy) {
        return proxy.uriEndpoint().startsWith("https://unreachable");
    }

    static boolean hasExternalKey(String xksKeyId) {
        return !xksKeyId.startsWith("missing");
    }

    static boolean externalKeyUsable(String xksKeyId) {
        return !xksKeyId.startsWith("unusable");
    }
}
