package dev.trent.kms;

import java.time.Duration;

/**
 * The CloudHSM clusters and external key store proxies behind custom key stores, simulated: every
 * cluster id of AWS's format exists, is active and related to every other; every proxy is reachable
 * and holds an enabled AES-256 key under every XksKeyId. Tests make a connection fail with a
 * credential the simulated backend rejects: a KeyStorePassword that starts with {@code invalid}, or a
 * proxy AccessKeyId that starts with {@code INVALID}.
 */
final class SimulatedBackends {
    /** How long a connection attempt takes on Trent's clock: long enough to be seen, short enough for pollers. */
    static final Duration CONNECT_TIME = Duration.ofSeconds(2);

    private SimulatedBackends() {
    }

    /** AWS's ConnectionErrorCodeType with which connecting the key store fails, or null when it connects. */
    static String connectionError(CustomKeyStore store) {
        return rejectsCredential(store.keyStorePassword(), store.xksProxy()) ? "INVALID_CREDENTIALS" : null;
    }

    static boolean rejectsCredential(String keyStorePassword, XksProxy proxy) {
        if (proxy != null) {
            return proxy.accessKeyId().startsWith("INVALID");
        }
        return keyStorePassword != null && keyStorePassword.startsWith("invalid");
    }
}
