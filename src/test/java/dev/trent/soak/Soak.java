package dev.trent.soak;

import dev.trent.support.KmsClients;
import dev.trent.support.TrentProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The soak ({@code scripts/soak}): Trent from its jar on a {@code --data} store, under mixed
 * concurrent load, killed with SIGKILL at random moments and restarted, for a number of minutes.
 * After every restart (and once more at the end) it checks what clients saw acknowledged:
 * <ul>
 *   <li>every acknowledged key exists, with its description;</li>
 *   <li>every acknowledged ciphertext (Encrypt, GenerateDataKey) decrypts to its plaintext;</li>
 *   <li>every acknowledged alias names its key, and no alias points at a missing key;</li>
 *   <li>every acknowledged tag is there with its value;</li>
 *   <li>every acknowledged disabled key is still disabled;</li>
 *   <li>every key in the store, acknowledged or not, can be described (none half written);</li>
 *   <li>while Trent runs, no request gets an error (only the kill may cut a request off).</li>
 * </ul>
 * Prints a one-line summary and exits 1 on any violation.
 *
 * <p>Arguments: {@code --jar PATH} (default target/trent.jar), {@code --minutes N} (default 10,
 * or SOAK_MINUTES), {@code --data DIR} (default a new temporary directory), {@code --password-file
 * FILE} (else TRENT_PASSWORD, else a generated password), {@code --workers N} (default 4),
 * {@code --seed N}.
 */
public final class Soak {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-east-1";

    private final Random random;
    private final Ledger ledger = new Ledger();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();

    private final boolean verbose = Boolean.getBoolean("soak.verbose");

    private Soak(long seed) {
        this.random = new Random(seed);
    }

    /** A ciphertext a client saw made. */
    record Ciphertext(String keyId, byte[] plaintext, SdkBytes blob) {
    }

    /** What clients saw acknowledged. */
    static final class Ledger {
        final Map<String, String> descriptions = new ConcurrentHashMap<>();
        final Map<String, String> aliases = new ConcurrentHashMap<>();
        final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
        final Set<String> disabled = ConcurrentHashMap.newKeySet();
        final List<Ciphertext> ciphertexts = new CopyOnWriteArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Paths.get(options.getOrDefault("jar", "target/trent.jar"));
        double minutes = Double.parseDouble(options.getOrDefault("minutes",
                System.getenv().getOrDefault("SOAK_MINUTES", "10")));
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        long seed = options.containsKey("seed") ? Long.parseLong(options.get("seed")) : new Random().nextLong();
        // what the soak makes for itself (a store, a password) lives here, removed after a clean run
        Path work = Files.createTempDirectory("trent-soak");
        Path data = options.containsKey("data") ? Paths.get(options.get("data")) : work.resolve("data");
        Map<String, String> environment = new HashMap<>();
        Path passwordFile = null;
        if (options.containsKey("password-file")) {
            passwordFile = Paths.get(options.get("password-file"));
        } else if (System.getenv("TRENT_PASSWORD") != null) {
            environment.put("TRENT_PASSWORD", System.getenv("TRENT_PASSWORD"));
        } else {
            passwordFile = work.resolve("password");
            Files.writeString(passwordFile, "soak " + Long.toHexString(new Random().nextLong()) + "\n",
                    StandardCharsets.UTF_8);
        }
        List<String> trentArgs = new ArrayList<>(List.of("--port", "0", "--data", data.toAbsolutePath().toString()));
        if (passwordFile != null) {
            trentArgs.addAll(List.of("--password-file", passwordFile.toAbsolutePath().toString()));
        }
        System.out.println("soak: " + minutes + " min, " + workers + " workers, seed " + seed + ", data " + data);
        Soak soak = new Soak(seed);
        int restarts = soak.run(jar, environment, trentArgs.toArray(String[]::new), workers,
                Duration.ofMillis((long) (minutes * 60_000)));
        if (soak.acknowledged.get() == 0) {
            soak.violations.add("no operation was acknowledged: nothing was tested");
        }
        String verdict = soak.violations.isEmpty() ? "invariants: all hold"
                : "invariants: " + soak.violations.size() + " violations";
        System.out.println("soak: " + soak.acknowledged.get() + " operations acknowledged, " + restarts
                + " restarts, " + verdict + " (" + soak.ledger.descriptions.size() + " keys, "
                + soak.ledger.aliases.size() + " aliases, " + soak.ledger.ciphertexts.size() + " ciphertexts, "
                + soak.ledger.disabled.size() + " disabled keys; seed " + seed + ")");
        soak.violations.stream().limit(50).forEach(v -> System.out.println("  violation: " + v));
        if (soak.violations.isEmpty()) {
            deleteRecursively(work); // kept for inspection only when something failed
        }
        System.exit(soak.violations.isEmpty() ? 0 : 1);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: Soak [--jar PATH] [--minutes N] [--data DIR] "
                        + "[--password-file FILE] [--workers N] [--seed N]; got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** Rounds of load cut off by a kill until the time is up; returns the number of restarts. */
    private int run(Path jar, Map<String, String> environment, String[] arguments, int workers, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        int restarts = 0;
        List<Ciphertext> lastRound = List.of();
        while (true) {
            boolean last = System.nanoTime() >= end;
            long started = System.nanoTime();
            TrentProcess process;
            try {
                process = TrentProcess.startJar(jar, environment, arguments);
            } catch (IllegalStateException e) {
                violations.add("Trent did not start " + (restarts == 0 ? "" : "after restart " + restarts + " ")
                        + "on its store: " + e.getMessage());
                return restarts;
            }
            try (TrentProcess trent = process;
                    KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION)) {
                String context = restarts == 0 ? "at start" : "after restart " + restarts;
                if (verbose) {
                    System.out.printf("soak: %s, Trent up in %d ms, %d operations so far%n", context,
                            (System.nanoTime() - started) / 1_000_000, acknowledged.get());
                }
                check(kms, last ? ledger.ciphertexts : lastRound, context);
                if (last || violations.size() > 50) {
                    return restarts;
                }
                int ciphertextsBefore = ledger.ciphertexts.size();
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    Random own = new Random(random.nextLong());
                    Thread thread = new Thread(() -> load(trent, own), "soak-" + w);
                    thread.start();
                    threads.add(thread);
                }
                // the kill comes 1 to 8 s after the round's first acknowledged operation: a fresh JVM
                // on a busy machine may take seconds to answer at all, and a round without load proves nothing
                long before = acknowledged.get();
                long patience = System.nanoTime() + 60_000_000_000L;
                while (acknowledged.get() == before && System.nanoTime() < patience && threads.stream()
                        .anyMatch(Thread::isAlive)) {
                    Thread.sleep(50);
                }
                long remaining = Math.max(0, (end - System.nanoTime()) / 1_000_000);
                Thread.sleep(Math.max(1000, Math.min(remaining, 1000 + random.nextInt(7000))));
                trent.kill();
                restarts++;
                for (Thread thread : threads) {
                    thread.join(60_000);
                    if (thread.isAlive()) {
                        violations.add(thread.getName() + " did not stop after the kill");
                    }
                }
                lastRound = List.copyOf(ledger.ciphertexts.subList(ciphertextsBefore, ledger.ciphertexts.size()));
            }
        }
    }

    /** One worker's requests on keys of its own until the kill cuts one off. */
    private void load(TrentProcess trent, Random random) {
        try (KmsClient kms = KmsClients.client(trent.endpoint(), ACCOUNT, REGION)) {
            Worker worker = new Worker(kms, random);
            while (true) {
                worker.step();
            }
        } catch (SdkClientException killed) {
            // Trent is gone: connection refused or reset
        } catch (AwsServiceException e) {
            violations.add("error from a running Trent: " + e.awsErrorDetails().errorCode() + " "
                    + e.awsErrorDetails().errorMessage() + " (HTTP " + e.statusCode() + ")");
        } catch (RuntimeException e) {
            violations.add("worker failed: " + e);
        }
    }

    /** A worker's keys: enabled ones it encrypts under, and fresh ones it may disable. */
    private final class Worker {
        private final KmsClient kms;
        private final Random random;
        private final List<String> enabled = new ArrayList<>();
        private final List<String> unused = new ArrayList<>();

        Worker(KmsClient kms, Random random) {
            this.kms = kms;
            this.random = random;
        }

        void step() {
            int choice = enabled.isEmpty() ? 0 : random.nextInt(10);
            switch (choice) {
                case 0 -> createKey();
                case 1 -> retag();
                case 2 -> alias();
                case 3 -> disable();
                case 4 -> generateDataKey();
                case 5 -> list();
                default -> encrypt();
            }
            acknowledged.incrementAndGet();
        }

        private void createKey() {
            String description = "soak " + Long.toHexString(random.nextLong());
            KeyMetadata key = kms.createKey(b -> b.description(description).tags(tag("made-by", "soak")))
                    .keyMetadata();
            ledger.descriptions.put(key.keyId(), description);
            ledger.tags.put(key.keyId(), new ConcurrentHashMap<>(Map.of("made-by", "soak")));
            enabled.add(key.keyId());
            unused.add(key.keyId());
        }

        private void retag() {
            String keyId = any(enabled);
            String key = "t" + random.nextInt(5);
            String value = Long.toHexString(random.nextLong());
            // a change cut off by the kill may or may not be committed: forget the tag till acknowledged
            ledger.tags.get(keyId).remove(key);
            kms.tagResource(b -> b.keyId(keyId).tags(tag(key, value)));
            ledger.tags.get(keyId).put(key, value);
        }

        private void alias() {
            String keyId = any(enabled);
            String alias = "alias/soak-" + Long.toUnsignedString(random.nextLong(), 36);
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
            ledger.aliases.put(alias, keyId);
        }

        /** Disables a key no ciphertext was made under (those must keep decrypting). */
        private void disable() {
            if (unused.size() < 2) {
                createKey();
                return;
            }
            String keyId = unused.remove(random.nextInt(unused.size()));
            enabled.remove(keyId);
            kms.disableKey(b -> b.keyId(keyId));
            ledger.disabled.add(keyId);
        }

        private void encrypt() {
            String keyId = used();
            byte[] plaintext = new byte[1 + random.nextInt(300)];
            random.nextBytes(plaintext);
            SdkBytes blob = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                    .ciphertextBlob();
            ledger.ciphertexts.add(new Ciphertext(keyId, plaintext, blob));
        }

        private void generateDataKey() {
            String keyId = used();
            GenerateDataKeyResponse response = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256));
            ledger.ciphertexts.add(new Ciphertext(keyId, response.plaintext().asByteArray(),
                    response.ciphertextBlob()));
        }

        private void list() {
            kms.listAliases(b -> b.limit(50));
        }

        private String used() {
            String keyId = any(enabled);
            unused.remove(keyId);
            return keyId;
        }

        private String any(List<String> keys) {
            return keys.get(random.nextInt(keys.size()));
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    /** Checks the invariants against a freshly restarted Trent; records what does not hold. */
    private void check(KmsClient kms, List<Ciphertext> ciphertexts, String context) {
        Set<String> stored = new HashSet<>();
        Map<String, KeyMetadata> metadata = new HashMap<>();
        if (!attempt(context + ": ListKeys", () -> kms.listKeysPaginator(b -> b.limit(1000)).keys().stream()
                .map(KeyListEntry::keyId).forEach(stored::add))) {
            return;
        }
        for (String keyId : stored) {
            attempt(context + ": DescribeKey " + keyId,
                    () -> metadata.put(keyId, kms.describeKey(b -> b.keyId(keyId)).keyMetadata()));
        }
        ledger.descriptions.forEach((keyId, description) -> {
            KeyMetadata key = metadata.get(keyId);
            if (key == null) {
                violations.add(context + ": acknowledged key " + keyId + " is missing");
            } else if (!description.equals(key.description())) {
                violations.add(context + ": key " + keyId + " has description '" + key.description()
                        + "', acknowledged '" + description + "'");
            }
        });
        for (String keyId : ledger.disabled) {
            KeyMetadata key = metadata.get(keyId);
            if (key != null && key.keyState() != KeyState.DISABLED) {
                violations.add(context + ": key " + keyId + " acknowledged disabled is " + key.keyState());
            }
        }
        ledger.tags.forEach((keyId, acknowledgedTags) -> {
            if (!metadata.containsKey(keyId)) {
                return;
            }
            Map<String, String> tags = new HashMap<>();
            attempt(context + ": ListResourceTags " + keyId, () -> kms.listResourceTags(b -> b.keyId(keyId)).tags()
                    .forEach(t -> tags.put(t.tagKey(), t.tagValue())));
            Map<String, String> expected = Map.copyOf(acknowledgedTags);
            expected.forEach((key, value) -> {
                if (!value.equals(tags.get(key))) {
                    violations.add(context + ": key " + keyId + " tag " + key + " is " + tags.get(key)
                            + ", acknowledged " + value);
                }
            });
        });
        List<AliasListEntry> aliases = new ArrayList<>();
        attempt(context + ": ListAliases", () -> kms.listAliasesPaginator(b -> b.limit(100)).aliases()
                .forEach(aliases::add));
        Map<String, String> targets = new HashMap<>();
        for (AliasListEntry alias : aliases) {
            if (alias.targetKeyId() == null) {
                continue; // an AWS managed alias whose key is made on first use
            }
            targets.put(alias.aliasName(), alias.targetKeyId());
            if (!metadata.containsKey(alias.targetKeyId())) {
                violations.add(context + ": alias " + alias.aliasName() + " points at missing key "
                        + alias.targetKeyId());
            }
        }
        ledger.aliases.forEach((alias, keyId) -> {
            if (!keyId.equals(targets.get(alias))) {
                violations.add(context + ": acknowledged alias " + alias + " -> " + keyId + " is "
                        + (targets.containsKey(alias) ? "-> " + targets.get(alias) : "missing"));
            }
        });
        for (Ciphertext ciphertext : ciphertexts) {
            attempt(context + ": Decrypt under " + ciphertext.keyId(), () -> {
                byte[] plaintext = kms.decrypt(b -> b.keyId(ciphertext.keyId()).ciphertextBlob(ciphertext.blob()))
                        .plaintext().asByteArray();
                if (!Arrays.equals(plaintext, ciphertext.plaintext())) {
                    violations.add(context + ": a ciphertext under " + ciphertext.keyId()
                            + " decrypts to other bytes");
                }
            });
        }
    }

    /** Runs one checking request; an error is a violation. */
    private boolean attempt(String what, Runnable request) {
        try {
            request.run();
            return true;
        } catch (NotFoundException e) {
            violations.add(what + ": " + e.awsErrorDetails().errorMessage());
        } catch (RuntimeException e) {
            violations.add(what + ": " + e);
        }
        return false;
    }
}
