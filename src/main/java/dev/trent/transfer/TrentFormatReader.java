package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.ImportedKeys;
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
import dev.trent.kms.MultiRegion;
import dev.trent.kms.MultiRegionKeyType;
import dev.trent.kms.Origin;
import dev.trent.kms.RotationType;
import dev.trent.kms.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Trent's own key file format (docs/key-files.md): {@code {"trent": 1, "keys": [...], "accounts": [...]}}. */
final class TrentFormatReader {
    static final int VERSION = 1;
    private static final int DEFAULT_ROTATION_DAYS = 365;

    private final KeyFileDefaults defaults;
    private final List<KeyEntry> entries = new ArrayList<>();
    private final List<KeyFileContent.KeyStoreEntry> keyStores = new ArrayList<>();

    private TrentFormatReader(KeyFileDefaults defaults) {
        this.defaults = defaults;
    }

    static KeyFileContent read(JsonNode root, KeyFileDefaults defaults) {
        JsonNode version = root.get("trent");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException("\"trent\" must be " + VERSION
                    + " (the format version this Trent reads), not " + version);
        }
        TrentFormatReader reader = new TrentFormatReader(defaults);
        String account = Fields.text(root, "account", defaults.account());
        String region = Fields.text(root, "region", defaults.region());
        reader.keyStores(root, "customKeyStores", account, region);
        reader.keys(root, "keys", account, region);
        List<JsonNode> accounts = Fields.array(root, "accounts");
        for (int a = 0; a < accounts.size(); a++) {
            JsonNode accountNode = accounts.get(a);
            String prefix = "accounts[" + a + "].";
            String accountId = Fields.text(accountNode, "account", account);
            reader.keyStores(accountNode, prefix + "customKeyStores", accountId, Fields.text(accountNode, "region", region));
            reader.keys(accountNode, prefix + "keys", accountId, Fields.text(accountNode, "region", region));
            List<JsonNode> regions = Fields.array(accountNode, "regions");
            for (int r = 0; r < regions.size(); r++) {
                JsonNode regionNode = regions.get(r);
                String regionName;
                try {
                    regionName = Fields.required(regionNode, "region");
                } catch (IllegalArgumentException e) {
                    throw new EntryException(prefix + "regions[" + r + "]", null, e.getMessage());
                }
                reader.keyStores(regionNode, prefix + "regions[" + r + "].customKeyStores", accountId, regionName);
                reader.keys(regionNode, prefix + "regions[" + r + "].keys", accountId, regionName);
            }
        }
        return new KeyFileContent(reader.entries, reader.keyStores);
    }

    private void keyStores(JsonNode parent, String path, String account, String region) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        List<JsonNode> nodes = EntryException.array(parent, field, path);
        for (int i = 0; i < nodes.size(); i++) {
            String where = path + "[" + i + "]";
            JsonNode node = nodes.get(i);
            try {
                keyStores.add(new KeyFileContent.KeyStoreEntry(where, TrentKeyStores.read(node,
                        new Scope(Fields.text(node, "account", account), Fields.text(node, "region", region)),
                        defaults.now())));
            } catch (IllegalArgumentException e) {
                throw new EntryException(where, null, e.getMessage());
            }
        }
    }

    private void keys(JsonNode parent, String path, String account, String region) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        List<JsonNode> keys = EntryException.array(parent, field, path);
        for (int i = 0; i < keys.size(); i++) {
            JsonNode node = keys.get(i);
            String where = path + "[" + i + "]";
            String id = node.path("id").isTextual() ? node.get("id").asText() : null;
            try {
                String entryAccount = Fields.text(node, "account", account);
                String entryRegion = Fields.text(node, "region", region);
                KmsKey key = key(node, new Scope(entryAccount, entryRegion));
                entries.add(new KeyEntry(where, key, Fields.strings(node, "aliases"), TrentGrants.read(node, key)));
            } catch (IllegalArgumentException e) {
                throw new EntryException(where, id, e.getMessage());
            }
        }
    }

    private KmsKey key(JsonNode node, Scope scope) {
        String id = Fields.required(node, "id");
        KeySpec spec = Fields.enumValue(node, "spec", KeySpec.class, KeySpec.SYMMETRIC_DEFAULT);
        KeyUsage usage = Fields.enumValue(node, "usage", KeyUsage.class, null);
        if (usage == null) {
            usage = defaultUsage(spec);
        }
        Origin origin = Fields.enumValue(node, "origin", Origin.class, Origin.AWS_KMS);
        KeyManager manager = Fields.enumValue(node, "manager", KeyManager.class, KeyManager.CUSTOMER);
        Instant created = Fields.instant(node, "created", defaults.now());
        List<KeyMaterial> materials = materials(node, id, spec, origin, created);
        if (node.get("materials") == null && origin == Origin.AWS_KMS) {
            GeneratedKey generated = KeyLoads.generate(spec);
            materials = List.of(new KeyMaterial(KeyLoads.materialId(id, generated), generated.privateKey(),
                    generated.publicKey(), created, null, null));
        }
        String current = Fields.text(node, "currentMaterial",
                materials.isEmpty() ? null : materials.get(materials.size() - 1).id());
        boolean hasMaterial = materials.stream().anyMatch(m -> m.id().equals(current) && m.present());
        KeyState state = state(Fields.text(node, "state", null), hasMaterial);
        Instant deletionDate = Fields.instant(node, "deletionDate", null);
        Integer window = Fields.integer(node, "pendingWindowInDays", deletionDate == null ? null : 30);
        return new KmsKey(scope, id, created, Fields.text(node, "description", ""), state, spec, usage, origin,
                manager, deletionDate, window, policy(node, scope), Fields.tags(node, "tags"), materials, current,
                rotation(node, created), multiRegion(node, scope), TrentKeyStores.binding(node));
    }

    /**
     * The only usage the spec allows, or SIGN_VERIFY for the ECC keys that can also agree on
     * keys; RSA and SM2 keys, which can also encrypt, must name theirs.
     */
    private static KeyUsage defaultUsage(KeySpec spec) {
        List<KeyUsage> allowed = Arrays.stream(KeyUsage.values()).filter(spec::allows).toList();
        if (allowed.size() == 1) {
            return allowed.get(0);
        }
        if (allowed.equals(List.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT))) {
            return KeyUsage.SIGN_VERIFY;
        }
        throw new IllegalArgumentException("usage is missing: KeySpec " + spec + " allows " + allowed);
    }

    private static KeyState state(String name, boolean hasMaterial) {
        if (name == null) {
            return hasMaterial ? KeyState.ENABLED : KeyState.PENDING_IMPORT;
        }
        for (KeyState state : KeyState.values()) {
            if (state.awsName().equals(name) || state.name().equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("state '" + name + "' is not one of Enabled, Disabled, PendingImport, "
                + "PendingDeletion");
    }

    /** A policy as a JSON string (kept as written), or as a JSON object. */
    private static String policy(JsonNode node, Scope scope) {
        JsonNode policy = node.get("policy");
        if (policy == null || policy.isNull()) {
            return DefaultKeyPolicy.forScope(scope);
        }
        if (policy.isTextual()) {
            return policy.asText();
        }
        if (policy.isObject()) {
            return policy.toPrettyString();
        }
        throw new IllegalArgumentException("policy must be a JSON object or a string holding one");
    }

    private static KeyRotation rotation(JsonNode node, Instant created) {
        JsonNode rotation = Fields.object(node, "rotation");
        if (rotation == null) {
            return KeyRotation.OFF;
        }
        boolean enabled = Fields.bool(rotation, "enabled", true);
        Integer period = Fields.integer(rotation, "periodInDays", enabled ? DEFAULT_ROTATION_DAYS : null);
        if (!enabled) {
            return new KeyRotation(false, period, null, null);
        }
        Instant next = Fields.instant(rotation, "nextRotationDate", created.plus(Duration.ofDays(period)));
        return new KeyRotation(true, period, next, null);
    }

    /** {@code true}: a primary key in its own region; or {@code {primaryRegion, replicaRegions}}. */
    private static MultiRegion multiRegion(JsonNode node, Scope scope) {
        JsonNode value = node.get("multiRegion");
        if (value == null || value.isNull() || value.isBoolean() && !value.booleanValue()) {
            return null;
        }
        if (value.isBoolean()) {
            return MultiRegion.primaryIn(scope.region());
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("multiRegion must be true or {primaryRegion, replicaRegions}");
        }
        String primary = Fields.text(value, "primaryRegion", scope.region());
        return new MultiRegion(primary.equals(scope.region()) ? MultiRegionKeyType.PRIMARY : MultiRegionKeyType.REPLICA,
                primary, Fields.strings(value, "replicaRegions"));
    }

    private static List<KeyMaterial> materials(JsonNode node, String keyId, KeySpec spec, Origin origin,
            Instant created) {
        List<JsonNode> list = Fields.array(node, "materials");
        List<KeyMaterial> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(material(list.get(i), "materials[" + i + "]", keyId, spec, origin, created, i == 0));
        }
        return out;
    }

    private static KeyMaterial material(JsonNode node, String name, String keyId, KeySpec spec, Origin origin,
            Instant keyCreated, boolean first) {
        if (node.isTextual()) {
            node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("base64", node.asText());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(name + " must be an object or a base64 string");
        }
        byte[] secret = secret(node, name);
        byte[] publicKey = node.hasNonNull("publicKey") ? Secrets.base64(name + ".publicKey",
                Fields.text(node, "publicKey", null)) : null;
        if (secret != null) {
            if (ImportedKeys.importable(spec.name())) {
                GeneratedKey read = ImportedKeys.read(spec.name(), secret).orElseThrow(() -> new IllegalArgumentException(
                        name + " is not valid key material for KeySpec " + spec + expectation(spec)));
                secret = Secrets.namesItsCurve(secret) ? secret : read.privateKey();
                publicKey = read.publicKey();
            } else if (spec.isAsymmetric() && publicKey == null) {
                throw new IllegalArgumentException(name + " needs publicKey: Trent cannot derive it for KeySpec " + spec);
            }
        } else if (!Fields.bool(node, "deleted", false)) {
            throw new IllegalArgumentException(name + " has no key material (base64, hex or pem): the file was "
                    + "exported without --include-material; export again with it, or leave \"materials\" out to "
                    + "give the key new material");
        } else if (origin != Origin.EXTERNAL) {
            throw new IllegalArgumentException(name + " is deleted, which only imported material (origin EXTERNAL) can be");
        }
        String id = Fields.text(node, "id", null);
        if (id == null) {
            if (secret == null) {
                throw new IllegalArgumentException(name + " is deleted, so it needs its id");
            }
            id = KeyLoads.materialId(keyId, new GeneratedKey(secret, publicKey));
        }
        Instant created = Fields.instant(node, "created", keyCreated);
        MaterialRotation rotation = null;
        JsonNode rotationNode = Fields.object(node, "rotation");
        if (rotationNode != null) {
            rotation = new MaterialRotation(Fields.enumValue(rotationNode, "type", RotationType.class,
                    RotationType.AUTOMATIC), Fields.instant(rotationNode, "date", created));
        } else if (!first) {
            rotation = new MaterialRotation(origin == Origin.EXTERNAL ? RotationType.ON_DEMAND : RotationType.AUTOMATIC,
                    created);
        }
        ImportedMaterial imported = null;
        JsonNode importedNode = Fields.object(node, "imported");
        if (importedNode != null || origin == Origin.EXTERNAL) {
            JsonNode details = importedNode == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : importedNode;
            imported = new ImportedMaterial(Fields.text(details, "description", null),
                    Fields.instant(details, "validTo", null));
        }
        return new KeyMaterial(id, secret, publicKey, created, rotation, imported);
    }

    private static byte[] secret(JsonNode node, String name) {
        List<String> given = new ArrayList<>();
        for (String encoding : List.of("base64", "hex", "pem")) {
            if (node.hasNonNull(encoding)) {
                given.add(encoding);
            }
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException(name + " gives its material more than once: " + given);
        }
        if (given.isEmpty()) {
            return null;
        }
        String encoding = given.get(0);
        String text = Fields.text(node, encoding, null);
        return switch (encoding) {
            case "base64" -> Secrets.base64(name + ".base64", text);
            case "hex" -> Secrets.hex(name + ".hex", text);
            default -> Secrets.pem(name + ".pem", text);
        };
    }

    static String expectation(KeySpec spec) {
        return switch (spec) {
            case SYMMETRIC_DEFAULT -> " (32 bytes)";
            case HMAC_224 -> " (28 to 64 bytes)";
            case HMAC_256 -> " (32 to 64 bytes)";
            case HMAC_384 -> " (48 to 128 bytes)";
            case HMAC_512 -> " (64 to 128 bytes)";
            default -> " (a PKCS#8 private key of that type)";
        };
    }
}
