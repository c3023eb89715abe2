package dev.trent.durability;

import static dev.trent.support.TestTags.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.store.StoreSettings;
import dev.trent.support.DurableTrent;
import dev.trent.support.PostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Two Trent instances on one PostgreSQL database behave as one KMS: what is made or changed through
 * one is seen and obeyed by the other on its next request, and the same change made through both
 * at once happens once.
 */
class TwoTrentsOnPostgresTest {
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    private static final char[] PASSWORD = "shared by both instances".toCharArray();
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("seen by both");

    private DurableTrent first;
    private DurableTrent second;
    private KmsClient one;
    private KmsClient two;

    @BeforeEach
    void startTwoTrents() {
        String url = postgres.newDatabase();
        first = DurableTrent.start(StoreSettings.postgres(url, PASSWORD));
        second = DurableTrent.start(StoreSettings.postgres(url, PASSWORD));
        one = first.kms();
        two = second.kms();
    }

    @AfterEach
    void stopThem() {
        first.close();
        second.close();
    }

    private static KeyMetadata describe(KmsClient kms, String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private static SdkBytes encrypt(KmsClient kms, String keyId) {
        return kms.encrypt(b -> b.keyId(keyId).plaintext(PLAINTEXT)).ciphertextBlob();
    }

    private static SdkBytes decrypt(KmsClient kms, SdkBytes ciphertext) {
        return kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext();
    }

    @Test
    void twoTrentsStartingAtOnceOnANewDatabaseBothWork() throws Exception {
        String url = postgres.newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<DurableTrent> starting = () -> {
                start.await(30, TimeUnit.SECONDS);
                return DurableTrent.start(StoreSettings.postgres(url, PASSWORD));
            };
            Future<DurableTrent> a = pool.submit(starting);
            Future<DurableTrent> b = pool.submit(starting);
            try (DurableTrent third = a.get(60, TimeUnit.SECONDS); DurableTrent fourth = b.get(60, TimeUnit.SECONDS)) {
                String keyId = third.kms().createKey(x -> { }).keyMetadata().keyId();
                assertThat(decrypt(third.kms(), encrypt(fourth.kms(), keyId))).isEqualTo(PLAINTEXT);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyMadeThroughOneIsUsableThroughTheOtherAtOnce() {
        KeyMetadata key = one.createKey(b -> b.description("made through the first")).keyMetadata();

        assertThat(describe(two, key.keyId())).isEqualTo(key);
        assertThat(decrypt(one, encrypt(two, key.keyId()))).isEqualTo(PLAINTEXT);
        assertThat(decrypt(two, encrypt(one, key.keyId()))).isEqualTo(PLAINTEXT);
        assertThat(two.listKeys(b -> b.limit(1000)).keys()).extracting(k -> k.keyId()).contains(key.keyId());
    }

    @Test
    void disablingAndEnablingThroughOneIsObeyedByTheOther() {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        encrypt(two, keyId); // the second has the key in hand

        one.disableKey(b -> b.keyId(keyId));
        assertThatThrownBy(() -> encrypt(two, keyId)).isInstanceOf(DisabledException.class);
        assertThat(describe(two, keyId).keyState()).isEqualTo(KeyState.DISABLED);

        one.enableKey(b -> b.keyId(keyId));
        assertThat(decrypt(two, encrypt(two, keyId))).isEqualTo(PLAINTEXT);
    }

    @Test
    void aDeletionScheduledThroughOneIsObeyedByTheOther() {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes ciphertext = encrypt(two, keyId);

        one.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(describe(two, keyId).keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThatThrownBy(() -> decrypt(two, ciphertext)).isInstanceOf(KmsInvalidStateException.class);

        two.cancelKeyDeletion(b -> b.keyId(keyId));
        assertThat(describe(one, keyId).keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void aDeletionCarriedOutByOneIsSeenByTheOther() {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        encrypt(two, keyId);
        one.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        first.clock().advance(Duration.ofDays(8));
        assertThatThrownBy(() -> describe(one, keyId)).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> describe(two, keyId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> encrypt(two, keyId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeletionScheduledThroughOneIsCarriedOutWhenTheOthersClockPassesItsDate() {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        encrypt(two, keyId);
        one.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(describe(two, keyId).keyState()).isEqualTo(KeyState.PENDING_DELETION);

        second.clock().advance(Duration.ofDays(8));

        assertThatThrownBy(() -> describe(two, keyId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> describe(one, keyId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRotationThroughOneIsUsedByTheOther() {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes before = encrypt(two, keyId);

        one.rotateKeyOnDemand(b -> b.keyId(keyId));
        KeyMetadata rotated = describe(one, keyId);

        assertThat(describe(two, keyId).currentKeyMaterialId()).isEqualTo(rotated.currentKeyMaterialId());
        assertThat(two.listKeyRotations(b -> b.keyId(keyId)).rotations()).singleElement()
                .satisfies(r -> assertThat(r.keyMaterialId()).isEqualTo(rotated.currentKeyMaterialId()));
        SdkBytes after = encrypt(two, keyId);
        assertThat(decrypt(one, after)).isEqualTo(PLAINTEXT);
        assertThat(decrypt(one, before)).isEqualTo(PLAINTEXT);
        assertThat(decrypt(two, before)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aliasesMadeMovedAndDeletedThroughOneAreFollowedByTheOther() {
        String firstKey = one.createKey(b -> { }).keyMetadata().keyId();
        String secondKey = one.createKey(b -> { }).keyMetadata().keyId();

        one.createAlias(b -> b.aliasName("alias/shared").targetKeyId(firstKey));
        assertThat(two.encrypt(b -> b.keyId("alias/shared").plaintext(PLAINTEXT)).keyId()).endsWith(firstKey);

        one.updateAlias(b -> b.aliasName("alias/shared").targetKeyId(secondKey));
        assertThat(two.encrypt(b -> b.keyId("alias/shared").plaintext(PLAINTEXT)).keyId()).endsWith(secondKey);

        one.deleteAlias(b -> b.aliasName("alias/shared"));
        assertThatThrownBy(() -> two.encrypt(b -> b.keyId("alias/shared").plaintext(PLAINTEXT)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameAliasCreatedThroughBothAtOnceIsCreatedOnce() throws Exception {
        String firstKey = one.createKey(b -> { }).keyMetadata().keyId();
        String secondKey = one.createKey(b -> { }).keyMetadata().keyId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String alias = "alias/race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                Future<String> viaOne = pool.submit(create(start, one, alias, firstKey));
                Future<String> viaTwo = pool.submit(create(start, two, alias, secondKey));
                List<String> outcomes = List.of(viaOne.get(30, TimeUnit.SECONDS), viaTwo.get(30, TimeUnit.SECONDS));

                assertThat(outcomes).as(alias).containsExactlyInAnyOrder("created", "AlreadyExistsException");
                String winner = outcomes.get(0).equals("created") ? firstKey : secondKey;
                assertThat(describe(one, alias).keyId()).isEqualTo(winner);
                assertThat(describe(two, alias).keyId()).isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<String> create(CyclicBarrier start, KmsClient kms, String alias, String keyId) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            try {
                kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
                return "created";
            } catch (AlreadyExistsException e) {
                return "AlreadyExistsException";
            }
        };
    }

    @Test
    void tagsChangedThroughBothAtOnceEndConsistent() throws Exception {
        String keyId = one.createKey(b -> { }).keyMetadata().keyId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            Future<?> viaOne = pool.submit(tagging(start, one, keyId, "one"));
            Future<?> viaTwo = pool.submit(tagging(start, two, keyId, "two"));
            viaOne.get(60, TimeUnit.SECONDS);
            viaTwo.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            if (i % 3 != 0) {
                expected.add("one-" + i + "=" + i);
                expected.add("two-" + i + "=" + i);
            }
        }
        List<Tag> seenByOne = one.listResourceTags(b -> b.keyId(keyId).limit(50)).tags();
        List<Tag> seenByTwo = two.listResourceTags(b -> b.keyId(keyId).limit(50)).tags();
        assertThat(seenByTwo).isEqualTo(seenByOne);
        List<String> shared = new ArrayList<>();
        Set<String> own = new HashSet<>();
        for (Tag t : seenByOne) {
            if (t.tagKey().equals("shared")) {
                shared.add(t.tagValue());
            } else {
                own.add(t.tagKey() + "=" + t.tagValue());
            }
        }
        assertThat(own).isEqualTo(expected);
        assertThat(shared).singleElement().isIn("one", "two");
    }

    /**
     * Tags the key with 20 tags of this instance's own, untagging every third again, and each time
     * also sets the tag both instances set.
     */
    private static Callable<Void> tagging(CyclicBarrier start, KmsClient kms, String keyId, String name) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                String tagKey = name + "-" + i;
                String value = String.valueOf(i);
                kms.tagResource(b -> b.keyId(keyId).tags(tag(tagKey, value), tag("shared", name)));
                if (i % 3 == 0) {
                    kms.untagResource(b -> b.keyId(keyId).tagKeys(tagKey));
                }
            }
            return null;
        };
    }
}
