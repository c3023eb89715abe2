package dev.trent.api;

import dev.trent.kms.Kms;

/** GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial. */
final class ImportHandlers {
    private final Kms kms;
    private final Api.Routes routes;

    ImportHandlers(Kms kms, Api.Routes routes) {
        this.kms = kms;
        this.routes = routes;
    }

    void register() {
    }
}
