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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

/**
 * Trent on {@code --data} in a child JVM, killed with SIGKILL in the middle of a load of key
 * creations and encryptions, several times: every key and ciphertext a client saw acknowledged is
 * there after each restart and decrypts, and every key in the store is whole (no half-written key).
 */
class CrashTest {
    private static final int ROUNDS = 5;
    private static final int WORKERS = 2;

    @TempDir
    Path dir;

    /** What a client saw succeed. */
    record Acknowledged(String keyId, byte[] plaintext, SdkBytes ciphertext) {
    }

    @Test
    void nothingAcknowledgedIsLostWhenTrentIsKilledMidLoad() throws Exception {
        Path data = dir.resolve("data");
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, "crash test password\n", StandardCharsets.UTF_8);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Set<String> keys = ConcurrentHashMap.newKeySet();
        Map<String, String> descriptions = new ConcurrentHashMap<>();
        List<Acknowledged> ciphertexts = new CopyOnWriteArrayList<>();
        List<Acknowledged> lastRound = List.of();

        for (int round = 0; round <= ROUNDS; round++) {
            try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--data", TrentProcess.arg(data),
                    "--password-file", TrentProcess.arg(passwordFile));
                    KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
                String context = "seed " + seed + ", after kill " + round;
                assertEveryKeyIsThereAndWhole(kms, keys, descriptions, context);
                // the last round's ciphertexts now; all of them once more at the end
                for (Acknowledged ack : round == ROUNDS ? ciphertexts : lastRound) {
                    assertThat(kms.decrypt(b -> b.keyId(ack.keyId()).ciphertextBlob(ack.ciphertext())).plaintext()
                            .asByteArray()).as(context).isEqualTo(ack.plaintext());
                }
                if (round == ROUNDS) {
                    break;
                }
                int before = ciphertexts.size();
                // a few requests first: a new JVM answers its first ones slowly, and the load is short
                List<String> warmUp = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    step(kms, random, warmUp, keys, descriptions, ciphertexts);
                }
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    Random own = new Random(random.nextLong());
                    Thread worker = new Thread(() -> load(trent, own, keys, descriptions, ciphertexts), "load-" + w);
                    worker.start();
                    workers.add(worker);
                }
                Thread.sleep(200 + random.nextInt(1300));
                trent.kill();
                for (Thread worker : workers) {
                    worker.join(30_000);
                    assertThat(worker.isAlive()).as("worker stopped after the kill").isFalse();
                }
                lastRound = List.copyOf(ciphertexts.subList(before, ciphertexts.size()));
            }
        }
        System.out.println("CrashTest: seed " + seed + ", " + keys.size() + " keys and " + ciphertexts.size()
                + " ciphertexts acknowledged over " + ROUNDS + " kills, all there after each restart");
        assertThat(keys).as("keys acknowledged over the rounds (seed " + seed + ")").hasSizeGreaterThan(ROUNDS);
        assertThat(ciphertexts).as("ciphertexts acknowledged over the rounds").hasSizeGreaterThan(ROUNDS);
    }

    /**
     * Creates keys and encrypts under them until Trent goes away; records what was acknowledged.
     * Each worker has its own client: a request in flight at the kill fails, and stops the worker.
     */
    private static void load(TrentProcess trent, Random random, Set<String> keys, Map<String, String> descriptions,
            List<Acknowledged> ciphertexts) {
        try (KmsClient kms = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            List<String> mine = new ArrayList<>();
            while (true) {
                step(kms, random, mine, keys, descriptions, ciphertexts);
            }
        } catch (RuntimeException killed) {
            // Trent is gone: connection refused or reset
        }
    }

    /** One request: a new key (tagged, described) or an encryption under one of this worker's keys. */
    private static void step(KmsClient kms, Random random, List<String> mine, Set<String> keys,
            Map<String, String> descriptions, List<Acknowledged> ciphertexts) {
        if (mine.isEmpty() || random.nextInt(4) == 0) {
            String description = "crash " + random.nextLong();
            KeyMetadata key = kms.createKey(b -> b.description(description)
                    .tags(t -> t.tagKey("made-by").tagValue("crash test"))).keyMetadata();
            mine.add(key.keyId());
            descriptions.put(key.keyId(), description);
            keys.add(key.keyId());
        } else {
            String keyId = mine.get(random.nextInt(mine.size()));
            byte[] plaintext = new byte[1 + random.nextInt(200)];
            random.nextBytes(plaintext);
            SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
            ciphertexts.add(new Acknowledged(keyId, plaintext, ciphertext));
        }
    }

    /**
     * Every acknowledged key is there with its description and tag; every key in the store (those
     * whose creation was cut off before its answer included) is whole: enabled, described, and it
     * encrypts and decrypts.
     */
    private static void assertEveryKeyIsThereAndWhole(KmsClient kms, Set<String> acknowledged,
            Map<String, String> descriptions, String context) {
        Set<String> stored = new HashSet<>();
        kms.listKeysPaginator(b -> b.limit(1000)).keys().stream().map(KeyListEntry::keyId).forEach(stored::add);
        assertThat(stored).as("keys listed " + context).containsAll(acknowledged);
        List<String> all = new ArrayList<>(stored);
        Collections.sort(all);
        SdkBytes probe = SdkBytes.fromUtf8String("probe");
        for (String keyId : all) {
            KeyMetadata key = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
            if (key.keyManager() == KeyManagerType.AWS) {
                continue; // AWS managed keys Trent keeps for the account
            }
            assertThat(key.keyState()).as(keyId + " " + context).isEqualTo(KeyState.ENABLED);
            if (descriptions.containsKey(keyId)) {
                assertThat(key.description()).as(keyId + " " + context).isEqualTo(descriptions.get(keyId));
            }
            assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).as(keyId + " " + context)
                    .extracting(t -> t.tagKey() + "=" + t.tagValue()).containsExactly("made-by=crash test");
            SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(probe)).ciphertextBlob();
            assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).as(keyId + " " + context)
                    .isEqualTo(probe);
        }
    }
}
