package dev.trent.kms;

import dev.trent.crypto.Randomness;
import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * GetKeyLastUsage and what it reports: each key's last successful cryptographic use. Trent tracks
 * every key from its creation, so a key's tracking start date is its creation date.
 */
public final class KeyUsageLog {
    private final Store store;
    private final KeyResolver resolver;
    private final Clock clock;

    KeyUsageLog(Store store, KeyResolver resolver, Clock clock) {
        this.store = store;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** A key and its last use, if it was used. */
    public record Report(KmsKey key, Optional<KeyLastUsage> lastUsage) {
    }

    public Report lastUsage(Requester requester, String keyId) {
        Scope scope = requester.scope();
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetKeyLastUsage");
        return new Report(key, store.lastUsage(key.scope(), key.keyId()));
    }

    /**
     * Records that an operation used the key with this ARN. The key is named by ARN because a use
     * is recorded for the key's owner, whichever account made the request.
     */
    public void record(String keyArn, String operation, String requestId) {
        KmsArn arn = KmsArn.parse(keyArn).filter(KmsArn::isKey)
                .orElseThrow(() -> new IllegalArgumentException("not a key ARN: " + keyArn));
        // AWS reports the time of use to the second
        KeyLastUsage use = new KeyLastUsage(operation, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                Randomness.publicUuid(), requestId);
        store.putLastUsage(arn.scope(), arn.name(), use);
    }
}
