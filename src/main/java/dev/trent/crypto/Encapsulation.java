package dev.trent.crypto;

/** What ML-KEM encapsulation gives: the shared secret, and its ciphertext for the key's owner. */
public record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {
}
