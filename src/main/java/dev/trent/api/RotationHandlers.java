package dev.trent.api;

import dev.trent.kms.Kms;

/** EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations, GetKeyLastUsage. */
final class RotationHandlers {
    private final Kms kms;
    private final Api.Routes routes;

    RotationHandlers(Kms kms, Api.Routes routes) {
        this.kms = kms;
        this.routes = routes;
    }

    void register() {
    }
}
