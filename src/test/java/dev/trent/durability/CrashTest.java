package dev.trent.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.KmsClients;
import dev.trent.support.TrentProcess;
import dev.trent.support.TrentServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Trent on {@code --data} in a child JVM, killed with SIGKILL in the middle of a load of key
 * creations, tag changes, alias creations and encryptions, several times: every key, change and
 * ciphertext a client saw acknowledged is there after each restart (ciphertexts decrypt), and
 * every key in the store is whole (no half-written key).
 */
class CrashTest {
    private static final int ROUNDS = 5;
    private static final int WORKERS = 2;
    private static final String COUNTER = "counter";

    @TempDir
    Path dir;

    /** A ciphertext a client saw made. */
    record Acknowledged(String keyId, byte[] plaintext, SdkBytes ciphertext) {
    }

    /**
     * What clients saw acknowledged, and, for the counter tag each key carries, the last value sent:
     * a change whose answer the kill cut off may or may not have been committed.
     */
    static final class Ledger {
        final Map<String, String> descriptions = new ConcurrentHashMap<>();
        final Map<String, Integer> counterAcknowledged = new ConcurrentHashMap<>();
        final Map<String, Integer> counterSent = new ConcurrentHashMap<>();
        final Map<String, String> aliases = new ConcurrentHashMap<>();
        final List<Acknowledged> ciphertexts = new CopyOnWriteArrayList<>();
    }

    @Test
    void nothingAcknowledgedIsLostWhenTrentIsKilledMidLoad() throws Exception {
        Path data = dir.resolve("data");
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "crash test password\n", StandardCharsets.UTF_8);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Ledger ledger = new Ledger();
        List<Acknowledged> lastRound = List.of();

        for (int round = 0; round <= ROUNDS; round++) {
            try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                    "--password-file", TrentProcess.arg(passwordFile));
                    KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
                String context = "seed " + seed + ", after kill " + round;
                assertEverythingIsThereAndWhole(kms, ledger, context);
                // the last round's ciphertexts now; all of them once more at the end
                for (Acknowledged ack : round == ROUNDS ? ledger.ciphertexts : lastRound) {
                    assertThat(kms.decrypt(b -> b.keyId(ack.keyId()).ciphertextBlob(ack.ciphertext())).plaintext()
                            .asByteArray()).as(context).isEqualTo(ack.plaintext());
                }
                if (round == ROUNDS) {
                    break;
                }
                int before = ledger.ciphertexts.size();
                // a few requests first: a new JVM answers its first ones slowly, and the load is short
                List<String> warmUp = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    step(kms, random, warmUp, ledger);
                }
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    Random own = new Random(random.nextLong());
                    Thread worker = new Thread(() -> load(trent, own, ledger), "load-" + w);
                    worker.start();
                    workers.add(worker);
                }
                Thread.sleep(200 + random.nextInt(1300));
                trent.kill();
                for (Thread worker : workers) {
                    worker.join(30_000);
                    assertThat(worker.isAlive()).as("worker stopped after the kill").isFalse();
                }
                lastRound = List.copyOf(ledger.ciphertexts.subList(before, ledger.ciphertexts.size()));
            }
        }
        System.out.println("CrashTest: seed " + seed + "; acknowledged over " + ROUNDS + " kills: "
                + ledger.descriptions.size() + " keys, " + ledger.aliases.size() + " aliases, "
                + ledger.counterAcknowledged.values().stream().mapToInt(Integer::intValue).sum() + " tag changes, "
                + ledger.ciphertexts.size() + " ciphertexts; all there after each restart");
        assertThat(ledger.descriptions).as("keys acknowledged (seed " + seed + ")").hasSizeGreaterThan(ROUNDS);
        assertThat(ledger.ciphertexts).as("ciphertexts acknowledged").hasSizeGreaterThan(ROUNDS);
    }

    /**
     * Works on keys of its own until Trent goes away. Each worker has its own client: a request in
     * flight at the kill fails, and stops the worker.
     */
    private static void load(TrentProcess trent, Random random, Ledger ledger) {
        try (KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            List<String> mine = new ArrayList<>();
            while (true) {
                step(kms, random, mine, ledger);
            }
        } catch (RuntimeException killed) {
            // Trent is gone: connection refused or reset
        }
    }

    /**
     * One request, recorded once acknowledged: a new key (described, tagged), a change of one of
     * this worker's keys' counter tag, a new alias, or an encryption.
     */
    private static void step(KmsClient kms, Random random, List<String> mine, Ledger ledger) {
        int choice = mine.isEmpty() ? 0 : random.nextInt(8);
        if (choice == 0) {
            String description = "crash " + random.nextLong();
            KeyMetadata key = kms.createKey(b -> b.description(description)
                    .tags(tag("made-by", "crash test"), tag(COUNTER, "0"))).keyMetadata();
            mine.add(key.keyId());
            ledger.counterSent.put(key.keyId(), 0);
            ledger.counterAcknowledged.put(key.keyId(), 0);
            ledger.descriptions.put(key.keyId(), description);
        } else if (choice == 1) {
            String keyId = mine.get(random.nextInt(mine.size()));
            int next = ledger.counterSent.get(keyId) + 1;
            ledger.counterSent.put(keyId, next);
            kms.tagResource(b -> b.keyId(keyId).tags(tag(COUNTER, String.valueOf(next))));
            ledger.counterAcknowledged.put(keyId, next);
        } else if (choice == 2) {
            String keyId = mine.get(random.nextInt(mine.size()));
            String alias = "alias/crash-" + Long.toUnsignedString(random.nextLong(), 36);
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
            ledger.aliases.put(alias, keyId);
        } else {
            String keyId = mine.get(random.nextInt(mine.size()));
            byte[] plaintext = new byte[1 + random.nextInt(200)];
            random.nextBytes(plaintext);
            SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
            ledger.ciphertexts.add(new Acknowledged(keyId, plaintext, ciphertext));
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    /**
     * Every acknowledged key is there with its description and its tags, the counter at least at
     * its last acknowledged value and at most at the last one sent; every acknowledged alias names
     * its key; every customer key in the store (those whose creation was cut off before its answer
     * included) is whole: enabled, tagged, and it encrypts and decrypts.
     */
    private static void assertEverythingIsThereAndWhole(KmsClient kms, Ledger ledger, String context) {
        List<String> stored = new ArrayList<>();
        kms.listKeysPaginator(b -> b.limit(1000)).keys().stream().map(KeyListEntry::keyId).forEach(stored::add);
        assertThat(stored).as("keys listed " + context).containsAll(ledger.descriptions.keySet());
        Collections.sort(stored);
        SdkBytes probe = SdkBytes.fromUtf8String("probe");
        for (String keyId : stored) {
            String what = keyId + " " + context;
            KeyMetadata key = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
            if (key.keyManager() == KeyManagerType.AWS) {
                continue; // AWS managed keys Trent keeps for the account
            }
            assertThat(key.keyState()).as(what).isEqualTo(KeyState.ENABLED);
            Map<String, String> tags = new HashMap<>();
            kms.listResourceTags(b -> b.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
            assertThat(tags).as(what).containsOnlyKeys("made-by", COUNTER).containsEntry("made-by", "crash test");
            int counter = Integer.parseInt(tags.get(COUNTER));
            if (ledger.descriptions.containsKey(keyId)) {
                assertThat(key.description()).as(what).isEqualTo(ledger.descriptions.get(keyId));
                assertThat(counter).as("counter tag of " + what)
                        .isBetween(ledger.counterAcknowledged.get(keyId), ledger.counterSent.get(keyId));
            } else {
                assertThat(counter).as("counter tag of a key whose creation was not acknowledged, " + what)
                        .isZero();
            }
            SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(probe)).ciphertextBlob();
            assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).as(what).isEqualTo(probe);
        }
        ledger.aliases.forEach((alias, keyId) ->
                assertThat(kms.describeKey(b -> b.keyId(alias)).keyMetadata().keyId()).as(alias + " " + context)
                        .isEqualTo(keyId));
    }
}
