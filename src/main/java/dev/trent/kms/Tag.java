package dev.trent.kms;

public record Tag(String key, String value) {
}
