package dev.trent.kms;

import java.time.Instant;

/** A friendly name for a key, unique in its scope. {@code name} includes the {@code alias/} prefix. */
public record Alias(Scope scope, String name, String targetKeyId, Instant created, Instant lastUpdated) {

    public String arn() {
        return scope.aliasArn(name);
    }

    public Alias retarget(String keyId, Instant now) {
        return new Alias(scope, name, keyId, created, now);
    }
}
