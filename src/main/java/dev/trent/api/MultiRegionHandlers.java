package dev.trent.api;

import dev.trent.kms.Kms;

/** ReplicateKey, UpdatePrimaryRegion. */
final class MultiRegionHandlers {
    private final Kms kms;
    private final Api.Routes routes;

    MultiRegionHandlers(Kms kms, Api.Routes routes) {
        this.kms = kms;
        this.routes = routes;
    }

    void register() {
    }
}
