package dev.trent.kms;

/** AWS's ExpirationModelType. */
public enum ExpirationModel {
    KEY_MATERIAL_EXPIRES,
    KEY_MATERIAL_DOES_NOT_EXPIRE
}
