package dev.trent.store;

import static dev.trent.store.StoreValues.SCOPE;
import static dev.trent.store.StoreValues.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KmsKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the durable stores add: changes are all-or-nothing units, and outlive the process. */
abstract class DurableStoreContractTest extends StoreContractTest {

    /** The settings of the store the test opened. */
    abstract StoreSettings settings();

    Store reopen() {
        store.close();
        store = Stores.open(settings());
        return store;
    }

    @Test
    void everythingOutlivesAClose() {
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        store.putKey(key);
        Alias alias = StoreValues.alias(SCOPE, "alias/kept", key.keyId());
        store.putAlias(alias);
        Grant grant = StoreValues.fullGrant(SCOPE, key.keyId());
        store.putGrant(grant);
        CustomKeyStore keyStore = StoreValues.fullKeyStore(SCOPE, "cks-0000000000000000a", "password-9", "secret-9");
        store.putCustomKeyStore(keyStore);
        ImportToken token = StoreValues.importToken(SCOPE, key.keyId(), StoreValues.randomBytes(700), T0);
        store.putImportToken(token);
        KeyLastUsage use = StoreValues.lastUsage(T0.plusNanos(3));
        store.putLastUsage(SCOPE, key.keyId(), use);

        reopen();

        assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).usingRecursiveComparison().isEqualTo(key);
        assertThat(store.alias(SCOPE, alias.name())).contains(alias);
        assertThat(store.grantsOf(SCOPE, key.keyId())).containsExactly(grant);
        assertThat(store.customKeyStore(SCOPE, keyStore.id())).contains(keyStore);
        assertThat(store.importToken(token.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(token);
        assertThat(store.lastUsage(SCOPE, key.keyId())).contains(use);
        assertThat(store.keysDueBy(java.time.Instant.MAX)).extracting(KmsKey::keyId).containsExactly(key.keyId());
    }

    @Test
    void aKeyIsDecodedOncePerWrite() {
        KmsKey key = StoreValues.fullKey(SCOPE, StoreValues.keyId());
        store.putKey(key);
        reopen();

        KmsKey first = store.key(SCOPE, key.keyId()).orElseThrow();
        assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).isSameAs(first);
        assertThat(store.keys(SCOPE, null, 10).get(0)).isSameAs(first);

        store.putKey(first.withDescription("changed"));
        KmsKey changed = store.key(SCOPE, key.keyId()).orElseThrow();
        assertThat(changed.description()).isEqualTo("changed");
        assertThat(store.key(SCOPE, key.keyId()).orElseThrow()).isSameAs(changed);
    }

    @Test
    void aChangeThatThrowsLeavesNothingWritten() {
        KmsKey existing = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        store.putKey(existing);
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());

        assertThatThrownBy(() -> store.atomically(List.of(SCOPE), () -> {
            store.putKey(key);
            store.putKey(existing.withDescription("changed"));
            store.putAlias(StoreValues.alias(SCOPE, "alias/never", key.keyId()));
            assertThat(store.key(SCOPE, key.keyId())).isPresent();
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the change fails");

        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        assertThat(store.key(SCOPE, existing.keyId()).orElseThrow().description()).isEmpty();
        assertThat(store.alias(SCOPE, "alias/never")).isEmpty();
        reopen();
        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        assertThat(store.key(SCOPE, existing.keyId()).orElseThrow().description()).isEmpty();
    }

    @Test
    void aNestedChangeJoinsTheOuterOne() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());

        assertThatThrownBy(() -> store.atomically(List.of(SCOPE), () -> {
            store.putKey(key);
            return store.atomically(List.of(SCOPE, OTHER_REGION), () -> {
                assertThat(store.key(SCOPE, key.keyId())).isPresent();
                store.putKey(key.toBuilder().scope(OTHER_REGION).build());
                throw new IllegalStateException("the inner change fails");
            });
        })).hasMessage("the inner change fails");
        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        assertThat(store.key(OTHER_REGION, key.keyId())).isEmpty();

        store.atomically(List.of(SCOPE), () -> {
            store.putKey(key);
            return store.atomically(List.of(OTHER_REGION), () -> {
                store.putKey(key.toBuilder().scope(OTHER_REGION).build());
                return null;
            });
        });
        assertThat(store.key(SCOPE, key.keyId())).isPresent();
        assertThat(store.key(OTHER_REGION, key.keyId())).isPresent();
    }

    @Test
    void otherThreadsSeeAChangeOnlyOnceItIsCommitted() throws Exception {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);

        CompletableFuture<Void> change = CompletableFuture.runAsync(() -> store.atomically(List.of(SCOPE), () -> {
            store.putKey(key);
            written.countDown();
            await(looked);
            return null;
        }));
        await(written);
        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        looked.countDown();
        change.get(10, TimeUnit.SECONDS);

        assertThat(store.key(SCOPE, key.keyId())).isPresent();
    }

    @Test
    void writesOutsideAChangeAreCommittedAtOnce() {
        KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
        store.putKey(key);
        store.putGrant(StoreValues.fullGrant(SCOPE, key.keyId()));
        store.deleteKey(SCOPE, key.keyId());
        reopen();
        assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        assertThat(store.grantCount(SCOPE, key.keyId())).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
