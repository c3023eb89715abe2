package dev.trent.kms;

import dev.trent.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Changes to a multi-Region key and its related keys in other regions, made together: under the
 * locks of all their scopes, taken in one order, so that every related key always carries the
 * same configuration and two such changes never deadlock.
 */
final class RelatedKeys {
    private static final Object CHANGED = new Object();

    private final Store store;
    private final ScopeLocks locks;

    RelatedKeys(Store store, ScopeLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /**
     * Applies a change to the related keys of a multi-Region key, with the scopes of these keys and
     * of {@code extraRegions} locked. If the set of related keys changed between reading it and
     * locking it, tries again with the new set.
     */
    <T> T write(KmsKey named, Collection<String> extraRegions, Function<Family, T> change) {
        while (true) {
            KmsKey seen = store.key(named.scope(), named.keyId()).orElseThrow(() -> KeyResolver.keyNotFound(named.arn()));
            Set<String> members = seen.multiRegion().regions();
            Set<String> regions = new LinkedHashSet<>(members);
            regions.addAll(extraRegions);
            List<Scope> scopes = regions.stream().map(r -> new Scope(named.scope().account(), r)).toList();
            Object result = locks.writeAll(scopes, () -> {
                Optional<KmsKey> now = store.key(named.scope(), named.keyId());
                if (now.isEmpty()) {
                    throw KeyResolver.keyNotFound(named.arn());
                }
                if (!now.get().multiRegion().regions().equals(members)) {
                    return CHANGED;
                }
                return change.apply(new Family(named.scope().account(), named.keyId(), members));
            });
            if (result != CHANGED) {
                @SuppressWarnings("unchecked")
                T value = (T) result;
                return value;
            }
        }
    }

    /** The related keys of one multi-Region key, as stored, read and written under their locks. */
    final class Family {
        private final String account;
        private final String keyId;
        private final Map<String, KmsKey> byRegion = new LinkedHashMap<>();

        private Family(String account, String keyId, Set<String> regions) {
            this.account = account;
            this.keyId = keyId;
            for (String region : regions) {
                store.key(new Scope(account, region), keyId).ifPresent(key -> byRegion.put(region, key));
            }
        }

        Optional<KmsKey> in(String region) {
            return Optional.ofNullable(byRegion.get(region));
        }

        Scope scope(String region) {
            return new Scope(account, region);
        }

        String keyId() {
            return keyId;
        }

        /** Stores a new or changed member. */
        void put(KmsKey key) {
            store.putKey(key);
            byRegion.put(key.scope().region(), key);
        }

        /** Deletes the member in {@code region} with its aliases. */
        void delete(String region) {
            KmsKey key = byRegion.remove(region);
            if (key != null) {
                store.aliasesOf(key.scope(), keyId).forEach(alias -> store.deleteAlias(alias.scope(), alias.name()));
                store.deleteKey(key.scope(), keyId);
            }
        }

        /**
         * Deletes a member, with its aliases, and takes it out of the others' configuration. A primary
         * scheduled for deletion waits for its replicas (PendingReplicaDeletion): when the last one
         * goes, its waiting period begins, from the moment that replica was deleted.
         *
         * @return the primary that now waits for its deletion date, to be scheduled
         */
        Optional<KmsKey> deleteMember(KmsKey member) {
            String region = member.scope().region();
            delete(region);
            MultiRegion config = member.multiRegion();
            if (config.isPrimary()) { // a primary goes only once it has no replicas
                return Optional.empty();
            }
            List<String> replicas = config.replicasWithout(region);
            configure(config.primaryRegion(), replicas);
            if (!replicas.isEmpty()) {
                return Optional.empty();
            }
            return in(config.primaryRegion())
                    .filter(primary -> primary.state() == KeyState.PENDING_REPLICA_DELETION)
                    .map(primary -> {
                        int days = primary.pendingWindowInDays();
                        KmsKey pending = primary.withPendingDeletion(
                                member.deletionDate().plus(Duration.ofDays(days)), days);
                        put(pending);
                        return pending;
                    });
        }

        /** Gives every member the configuration of a set with this primary and these replicas. */
        void configure(String primaryRegion, List<String> replicaRegions) {
            for (KmsKey key : new ArrayList<>(byRegion.values())) {
                String region = key.scope().region();
                put(key.toBuilder().multiRegion(MultiRegion.of(region, primaryRegion, replicaRegions)).build());
            }
        }
    }
}
