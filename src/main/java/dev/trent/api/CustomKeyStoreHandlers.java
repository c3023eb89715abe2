package dev.trent.api;

import dev.trent.kms.Kms;

/** CreateCustomKeyStore, DescribeCustomKeyStores, UpdateCustomKeyStore, ConnectCustomKeyStore, DisconnectCustomKeyStore, DeleteCustomKeyStore. */
final class CustomKeyStoreHandlers {
    private final Kms kms;
    private final Api.Routes routes;

    CustomKeyStoreHandlers(Kms kms, Api.Routes routes) {
        this.kms = kms;
        this.routes = routes;
    }

    void register() {
    }
}
