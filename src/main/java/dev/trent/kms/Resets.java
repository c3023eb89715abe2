package dev.trent.kms;

import dev.trent.store.Store;

/**
 * Forgets state for the test-control API's reset: one account and region, or all of them. Runs
 * under the scopes' locks, so that no change to them is half done when it starts.
 */
public final class Resets {
    private final Store store;
    private final ScopeLocks locks;

    Resets(Store store, ScopeLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /** Forgets the keys, aliases, grants, custom key stores and import tokens of one account and region. */
    public void scope(Scope scope) {
        locks.write(scope, () -> store.clear(scope));
    }

    /** Forgets everything in every account and region. */
    public void all() {
        locks.writeAll(store.scopes(), () -> {
            store.clearAll();
            return null;
        });
    }
}
