package dev.trent.store;

import static dev.trent.store.StoreValues.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.kms.KmsKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared store on a real PostgreSQL, each test in a schema of its own. */
class PostgresStoreTest extends DurableStoreContractTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private String url;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** A URL of the test's own, empty schema. */
    static String freshSchemaUrl() {
        String schema = "trent_test_" + SCHEMAS.incrementAndGet();
        String base = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(base)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    StoreSettings settings() {
        if (url == null) {
            url = freshSchemaUrl();
        }
        return StoreSettings.postgres(url, "correct horse battery staple".toCharArray());
    }

    @Override
    Store open() {
        return Stores.open(settings());
    }

    @Test
    void isShared() {
        assertThat(store.shared()).isTrue();
    }

    @Test
    void aKeyChangedThroughAnotherInstanceIsSeenAtOnce() {
        try (Store other = Stores.open(settings())) {
            KmsKey key = StoreValues.simpleKey(SCOPE, StoreValues.keyId());
            store.putKey(key);
            assertThat(other.key(SCOPE, key.keyId())).isPresent();

            other.putKey(key.withDescription("changed through the other"));
            assertThat(store.key(SCOPE, key.keyId()).orElseThrow().description())
                    .isEqualTo("changed through the other");

            other.deleteKey(SCOPE, key.keyId());
            assertThat(store.key(SCOPE, key.keyId())).isEmpty();
        }
    }

    @Test
    void changesToOneScopeThroughTwoInstancesAreSerialized() throws Exception {
        try (Store other = Stores.open(settings())) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> store.atomically(List.of(SCOPE), () -> {
                inside.countDown();
                await(release);
                return null;
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> other.atomically(List.of(SCOPE), () -> null));
            CompletableFuture<Void> otherScope = CompletableFuture.runAsync(
                    () -> other.atomically(List.of(OTHER_REGION), () -> null));

            otherScope.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        store.putKey(StoreValues.simpleKey(SCOPE, StoreValues.keyId()));
        store.close();
        StoreSettings wrong = StoreSettings.postgres(url, "wrong password".toCharArray());

        assertThatThrownBy(() -> store = Stores.open(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Wrong password for the store at ")
                .hasMessageNotContaining("postgres?");
        store = Stores.open(settings());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
