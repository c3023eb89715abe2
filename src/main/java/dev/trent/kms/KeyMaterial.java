package dev.trent.kms;

import java.time.Instant;

/**
 * One version of a key's cryptographic material. Ciphertexts name the material they were made
 * under by its id, so every earlier version stays usable for decryption.
 *
 * @param id AWS's {@code KeyMaterialId}: 64 lowercase hex digits
 * @param secret the symmetric or HMAC key, or the PKCS#8 DER private key of an asymmetric key
 * @param publicKey the DER SubjectPublicKeyInfo of an asymmetric key; null for the others
 */
public record KeyMaterial(String id, byte[] secret, byte[] publicKey, Instant created) {
}
