package dev.trent.crypto;

/**
 * New key material.
 *
 * @param privateKey the secret: a PKCS#8 DER private key, or the raw key of symmetric and HMAC keys
 * @param publicKey the DER SubjectPublicKeyInfo of an asymmetric key; null for the others
 */
public record GeneratedKey(byte[] privateKey, byte[] publicKey) {
}
