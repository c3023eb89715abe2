package dev.trent.kms;

import java.time.Instant;

/**
 * One version of a key's cryptographic material. Ciphertexts name the material they were made
 * under by its id, so every earlier version stays usable for decryption.
 *
 * @param id AWS's {@code KeyMaterialId}: 64 lowercase hex digits
 */
public record KeyMaterial(String id, byte[] secret, Instant created) {
}
