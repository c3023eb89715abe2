package dev.trent.kms;

import java.time.Instant;

/**
 * A custom key store as stored: a CloudHSM key store (cluster id, trust anchor, kmsuser password)
 * or an external key store (its proxy). Immutable; every change makes a new value.
 *
 * @param id {@code cks-} and 17 hex digits
 * @param connectionErrorCode AWS's ConnectionErrorCodeType name while the state is FAILED; null otherwise
 * @param connectedAt while CONNECTING: when the simulated connection attempt ends
 * @param pendingErrorCode while CONNECTING: the error code the attempt will end with; null when it will succeed
 * @param xksProxy null for CloudHSM key stores
 */
public record CustomKeyStore(
        Scope scope,
        String id,
        String name,
        CustomKeyStoreType type,
        Instant creationDate,
        ConnectionState connectionState,
        String connectionErrorCode,
        Instant connectedAt,
        String pendingErrorCode,
        String cloudHsmClusterId,
        String trustAnchorCertificate,
        String keyStorePassword,
        XksProxy xksProxy) {

    /**
     * The key store as it is at {@code now}: a connection attempt whose time has come has ended,
     * connected or failed.
     */
    public CustomKeyStore at(Instant now) {
        if (connectionState != ConnectionState.CONNECTING || now.isBefore(connectedAt)) {
            return this;
        }
        return pendingErrorCode == null
                ? withConnection(ConnectionState.CONNECTED, null, null, null)
                : withConnection(ConnectionState.FAILED, pendingErrorCode, null, null);
    }

    public boolean isConnected() {
        return connectionState == ConnectionState.CONNECTED;
    }

    CustomKeyStore withConnection(ConnectionState state, String errorCode, Instant attemptEnds,
            String attemptErrorCode) {
        return new CustomKeyStore(scope, id, name, type, creationDate, state, errorCode, attemptEnds, attemptErrorCode,
                cloudHsmClusterId, trustAnchorCertificate, keyStorePassword, xksProxy);
    }

    CustomKeyStore withSettings(String newName, String newClusterId, String newPassword, XksProxy newProxy) {
        return new CustomKeyStore(scope, id, newName, type, creationDate, connectionState, connectionErrorCode,
                connectedAt, pendingErrorCode, newClusterId, trustAnchorCertificate, newPassword, newProxy);
    }
}
