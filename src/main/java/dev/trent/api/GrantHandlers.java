package dev.trent.api;

import dev.trent.kms.Kms;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant. */
final class GrantHandlers {
    private final Kms kms;
    private final Api.Routes routes;

    GrantHandlers(Kms kms, Api.Routes routes) {
        this.kms = kms;
        this.routes = routes;
    }

    void register() {
    }
}
