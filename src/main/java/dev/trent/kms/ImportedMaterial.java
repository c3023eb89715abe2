package dev.trent.kms;

import java.time.Instant;

/**
 * What an import said about key material that came from outside KMS.
 *
 * @param description AWS's KeyMaterialDescription; may be null
 * @param validTo when the material expires; null for KEY_MATERIAL_DOES_NOT_EXPIRE
 */
public record ImportedMaterial(String description, Instant validTo) {

    public ExpirationModel expirationModel() {
        return validTo == null ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE : ExpirationModel.KEY_MATERIAL_EXPIRES;
    }
}
