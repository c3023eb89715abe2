package dev.trent.kms;

import java.time.Instant;

/** When and how a key material became the key's current material, as ListKeyRotations reports it. */
public record MaterialRotation(RotationType type, Instant date) {
}
