package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.crypto.GeneratedKey;
import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.ImportedMaterial;
import dev.trent.kms.KeyLoads;
import dev.trent.kms.KeyManager;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyState;
import dev.trent.kms.KeyUsage;
import dev.trent.kms.KmsKey;
import dev.trent.kms.MaterialRotation;
import dev.trent.kms.Origin;
import dev.trent.kms.RotationType;
import dev.trent.kms.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * local-kms's seed YAML, as its README documents it: {@code Keys: Symmetric: Aes: [...]} with hex
 * {@code BackingKeys} (several: rotated, the last current), {@code Keys: Asymmetric: Rsa/Ecc: [...]}
 * with {@code PrivateKeyPem}, and {@code Aliases} of {@code AliasName} and {@code TargetKeyId}.
 * Keys go to Trent's default account and region, as local-kms puts them in its own.
 */
final class LocalKmsReader {
    private static final int ROTATION_DAYS = 365;
    private static final List<KeySpec> RSA = List.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096);
    private static final List<KeySpec> ECC = List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384,
            KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256K1);

    private LocalKmsReader() {
    }

    static boolean looksLikeOne(JsonNode root) {
        return root.isObject() && root.has("Keys");
    }

    static List<KeyEntry> read(JsonNode root, KeyFileDefaults defaults) {
        if (root.has("Version") && root.get("Version").asInt() != 1) {
            throw new EntryException("Version", null, "local-kms seed files of Version " + root.get("Version").asText()
                    + " are not supported; Trent reads the format of local-kms's README (Keys: Symmetric: Aes: ...)");
        }
        Scope scope = new Scope(defaults.account(), defaults.region());
        JsonNode keys = root.get("Keys");
        if (!keys.isObject()) {
            throw new EntryException("Keys", null, "Keys must hold Symmetric and/or Asymmetric");
        }
        requireOnly(keys, "Keys", Set.of("Symmetric", "Asymmetric"));
        Map<String, KmsKey> read = new LinkedHashMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        JsonNode symmetric = keys.path("Symmetric");
        if (symmetric.isObject()) {
            requireOnly(symmetric, "Keys.Symmetric", Set.of("Aes"));
        }
        JsonNode asymmetric = keys.path("Asymmetric");
        if (asymmetric.isObject()) {
            requireOnly(asymmetric, "Keys.Asymmetric", Set.of("Rsa", "Ecc"));
        }
        List<KeyEntry> entries = new ArrayList<>();
        each(symmetric, "Aes", "Keys.Symmetric.Aes", entries, (node, where) -> aes(node, scope, defaults.now()));
        each(asymmetric, "Rsa", "Keys.Asymmetric.Rsa", entries, (node, where) -> asymmetric(node, scope, defaults.now(), RSA));
        each(asymmetric, "Ecc", "Keys.Asymmetric.Ecc", entries, (node, where) -> asymmetric(node, scope, defaults.now(), ECC));
        return withAliases(entries, root);
    }

    private interface KeyReader {
        KmsKey read(JsonNode node, String where);
    }

    private static void each(JsonNode parent, String field, String path, List<KeyEntry> entries, KeyReader reader) {
        if (!parent.isObject() || !parent.has(field)) {
            return;
        }
        List<JsonNode> nodes = EntryException.array(parent, field, path);
        for (int i = 0; i < nodes.size(); i++) {
            String where = path + "[" + i + "]";
            JsonNode node = nodes.get(i);
            String id = node.path("Metadata").path("KeyId").isTextual() ? node.get("Metadata").get("KeyId").asText() : null;
            try {
                entries.add(new KeyEntry(where, reader.read(node, where), List.of()));
            } catch (IllegalArgumentException e) {
                throw new EntryException(where, id, e.getMessage());
            }
        }
    }

    private static KmsKey aes(JsonNode node, Scope scope, Instant now) {
        JsonNode metadata = metadata(node);
        String id = Fields.required(metadata, "KeyId");
        Origin origin = Fields.enumValue(metadata, "Origin", Origin.class, Origin.AWS_KMS);
        if (origin != Origin.AWS_KMS && origin != Origin.EXTERNAL) {
            throw new IllegalArgumentException("Metadata.Origin must be AWS_KMS or EXTERNAL");
        }
        boolean external = origin == Origin.EXTERNAL;
        List<String> backing = Fields.strings(node, "BackingKeys");
        if (!external && backing.isEmpty()) {
            throw new IllegalArgumentException("BackingKeys must hold one or more hex encoded 256-bit keys");
        }
        if (external && backing.size() > 1) {
            throw new IllegalArgumentException("BackingKeys of an EXTERNAL key holds at most one key");
        }
        List<KeyMaterial> materials = new ArrayList<>();
        for (int i = 0; i < backing.size(); i++) {
            String name = "BackingKeys[" + i + "]";
            byte[] secret = Secrets.hex(name, backing.get(i));
            if (secret.length != 32) {
                throw new IllegalArgumentException(name + " is " + secret.length + " bytes, not 32 (256 bits)");
            }
            materials.add(new KeyMaterial(KeyLoads.materialId(id, new GeneratedKey(secret, null)), secret, null, now,
                    i == 0 ? null : new MaterialRotation(RotationType.AUTOMATIC, now),
                    external ? new ImportedMaterial(null, null) : null));
        }
        Instant next = Fields.instant(node, "NextKeyRotation", null);
        KeyRotation rotation = next == null ? KeyRotation.OFF : new KeyRotation(true, ROTATION_DAYS, next, null);
        String current = materials.isEmpty() ? null : materials.get(materials.size() - 1).id();
        return new KmsKey(scope, id, now, Fields.text(metadata, "Description", ""),
                materials.isEmpty() ? KeyState.PENDING_IMPORT : KeyState.ENABLED, KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, origin, KeyManager.CUSTOMER, null, null, DefaultKeyPolicy.forScope(scope),
                List.of(), materials, current, rotation, null, null);
    }

    private static KmsKey asymmetric(JsonNode node, Scope scope, Instant now, List<KeySpec> specs) {
        JsonNode metadata = metadata(node);
        String id = Fields.required(metadata, "KeyId");
        KeyUsage usage = Fields.enumValue(metadata, "KeyUsage", KeyUsage.class, KeyUsage.SIGN_VERIFY);
        byte[] pkcs8 = Secrets.pem("PrivateKeyPem", Fields.required(node, "PrivateKeyPem"));
        Secrets.Fitted fitted = Secrets.fit("PrivateKeyPem", pkcs8, specs);
        GeneratedKey key = fitted.key();
        KeyMaterial material = new KeyMaterial(KeyLoads.materialId(id, key), key.privateKey(), key.publicKey(), now,
                null, null);
        return new KmsKey(scope, id, now, Fields.text(metadata, "Description", ""), KeyState.ENABLED, fitted.spec(),
                usage, Origin.AWS_KMS, KeyManager.CUSTOMER, null, null, DefaultKeyPolicy.forScope(scope), List.of(),
                List.of(material), material.id(), KeyRotation.OFF, null, null);
    }

    private static JsonNode metadata(JsonNode node) {
        JsonNode metadata = Fields.object(node, "Metadata");
        if (metadata == null) {
            throw new IllegalArgumentException("Metadata is missing");
        }
        return metadata;
    }

    private static List<KeyEntry> withAliases(List<KeyEntry> entries, JsonNode root) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        entries.forEach(e -> aliases.put(e.key().keyId(), new ArrayList<>()));
        List<JsonNode> nodes;
        try {
            nodes = Fields.array(root, "Aliases");
        } catch (IllegalArgumentException e) {
            throw new EntryException("Aliases", null, e.getMessage());
        }
        for (int i = 0; i < nodes.size(); i++) {
            String where = "Aliases[" + i + "]";
            JsonNode node = nodes.get(i);
            try {
                String name = Fields.required(node, "AliasName");
                String target = Fields.required(node, "TargetKeyId");
                List<String> of = aliases.get(target);
                if (of == null) {
                    throw new IllegalArgumentException("TargetKeyId " + target + " is none of the file's keys");
                }
                of.add(name.startsWith("alias/") ? name : "alias/" + name);
            } catch (IllegalArgumentException e) {
                throw new EntryException(where, null, e.getMessage());
            }
        }
        return entries.stream().map(e -> new KeyEntry(e.where(), e.key(), aliases.get(e.key().keyId()), List.of())).toList();
    }

    private static void requireOnly(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new EntryException(path + "." + name, null, "Trent does not know " + path + "." + name
                        + "; local-kms's README documents " + known);
            }
        });
    }
}
