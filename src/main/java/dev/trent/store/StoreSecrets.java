package dev.trent.store;

import dev.trent.crypto.PasswordKey;
import dev.trent.crypto.Randomness;
import dev.trent.crypto.Sealing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a store's secrets are kept, as its meta data record it: sealed under the Argon2id key of its
 * password (salt and costs kept, with a verifier that tells a wrong password before anything is
 * read or changed), or in plaintext.
 */
final class StoreSecrets {
    static final String MODE = "secrets";
    static final String SEALED = "argon2id+aes-256-gcm";
    static final String PLAINTEXT = "plaintext";
    private static final String SALT = "argon2id_salt";
    private static final String MEMORY = "argon2id_memory_kib";
    private static final String ITERATIONS = "argon2id_iterations";
    private static final String PARALLELISM = "argon2id_parallelism";
    private static final String VERIFIER = "verifier";
    private static final String VERIFIER_CONTEXT = "store verifier";
    private static final byte[] VERIFIER_TEXT = "Trent store".getBytes(StandardCharsets.UTF_8);

    /** The meta data of a way to keep secrets, and the secrets kept that way. */
    record Keeping(Map<String, String> meta, Secrets secrets) {
    }

    private StoreSecrets() {
    }

    /** How a new store keeps its secrets: as the settings say, under a fresh salt. */
    static Keeping create(StoreSettings settings) {
        if (settings.plaintext()) {
            return new Keeping(Map.of(MODE, PLAINTEXT), Secrets.PLAINTEXT);
        }
        return sealedUnder(settings.password());
    }

    /** Sealing under a password, with a fresh salt and this JVM's costs: for a new store, or a new password. */
    static Keeping sealedUnder(char[] password) {
        Randomness random = new Randomness();
        PasswordKey parameters = PasswordKey.fresh(random);
        Sealing sealing = sealing(parameters, password);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(MODE, SEALED);
        meta.put(SALT, Base64.getEncoder().encodeToString(parameters.salt()));
        meta.put(MEMORY, Integer.toString(parameters.memoryKiB()));
        meta.put(ITERATIONS, Integer.toString(parameters.iterations()));
        meta.put(PARALLELISM, Integer.toString(parameters.parallelism()));
        meta.put(VERIFIER, Base64.getEncoder().encodeToString(sealing.seal(VERIFIER_TEXT, VERIFIER_CONTEXT)));
        return new Keeping(meta, Secrets.sealedBy(sealing));
    }

    /**
     * The secrets of an existing store, once the settings are found to fit it.
     *
     * @throws StoreException for a sealed store opened without its password, a plaintext store
     *     opened with one, or a wrong password
     */
    static Secrets unlock(Map<String, String> meta, StoreSettings settings, String where) {
        String mode = meta.get(MODE);
        if (PLAINTEXT.equals(mode)) {
            if (!settings.plaintext()) {
                throw new StoreException("The store " + where + " keeps its secrets unsealed: it was created with "
                        + "--insecure-plaintext-store, and opens only with that option, without a password");
            }
            return Secrets.PLAINTEXT;
        }
        if (!SEALED.equals(mode)) {
            throw new StoreException("The store " + where + " seals its secrets in a way this Trent does not know ('"
                    + mode + "')");
        }
        if (settings.plaintext() || settings.password() == null) {
            throw new StoreException("The store " + where + " seals its secrets under a password: give it with "
                    + "--password-file or TRENT_PASSWORD, without --insecure-plaintext-store");
        }
        PasswordKey parameters;
        byte[] verifier;
        try {
            parameters = new PasswordKey(Base64.getDecoder().decode(meta.get(SALT)), Integer.parseInt(meta.get(MEMORY)),
                    Integer.parseInt(meta.get(ITERATIONS)), Integer.parseInt(meta.get(PARALLELISM)));
            verifier = Base64.getDecoder().decode(meta.get(VERIFIER));
        } catch (RuntimeException e) {
            throw new StoreException("The store " + where + " is damaged: its sealing parameters cannot be read ("
                    + e.getMessage() + ")");
        }
        Sealing sealing = sealing(parameters, settings.password());
        boolean opens;
        try {
            opens = Arrays.equals(sealing.open(verifier, VERIFIER_CONTEXT), VERIFIER_TEXT);
        } catch (Sealing.SealingException e) {
            opens = false;
        }
        if (!opens) {
            throw new StoreException("Wrong password for the store " + where
                    + ": it does not open the store's secrets. Nothing was changed");
        }
        return Secrets.sealedBy(sealing);
    }

    private static Sealing sealing(PasswordKey parameters, char[] password) {
        byte[] key = parameters.derive(password);
        try {
            return new Sealing(key, new Randomness());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
