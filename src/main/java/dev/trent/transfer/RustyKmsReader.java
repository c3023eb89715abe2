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
import java.util.List;
import java.util.Map;

/**
 * Rusty KMS's {@code keys.json}: a list of symmetric keys, each with {@code arn} ({@code region},
 * {@code account_id}, {@code key_id}), {@code created}, {@code state}, {@code kind},
 * {@code description}, {@code tags}, {@code aliases} and {@code key_material} (base64, oldest first).
 * Its enums are serde's: a bare name, or an object of the name to its date.
 */
final class RustyKmsReader {
    private static final int ROTATION_DAYS = 365;
    private static final int DELETION_WINDOW_DAYS = 30;

    private RustyKmsReader() {
    }

    static boolean looksLikeOne(JsonNode root) {
        if (root.isArray()) {
            return root.isEmpty() || root.get(0).isObject()
                    && (root.get(0).has("arn") || root.get(0).has("key_material") || root.get(0).has("key_id"));
        }
        return root.isObject() && (root.has("arn") || root.has("key_material"));
    }

    static List<KeyEntry> read(JsonNode root, KeyFileDefaults defaults) {
        List<JsonNode> keys = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(keys::add);
        } else {
            keys.add(root);
        }
        List<KeyEntry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode node = keys.get(i);
            String where = "[" + i + "]";
            JsonNode arn = node.path("arn").isObject() ? node.get("arn") : node; // later versions flatten it
            String id = arn.path("key_id").isTextual() ? arn.get("key_id").asText() : null;
            try {
                entries.add(new KeyEntry(where, key(node, arn, defaults), Fields.strings(node, "aliases")));
            } catch (IllegalArgumentException e) {
                throw new EntryException(where, id, e.getMessage());
            }
        }
        return entries;
    }

    private static KmsKey key(JsonNode node, JsonNode arn, KeyFileDefaults defaults) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a key must be an object");
        }
        Scope scope = new Scope(Fields.text(arn, "account_id", defaults.account()),
                Fields.text(arn, "region", defaults.region()));
        String id = Fields.required(arn, "key_id");
        Instant created = Fields.instant(node, "created", defaults.now());
        Tagged kind = tagged(node, "kind", "Internal");
        Tagged state = tagged(node, "state", "Enabled");
        boolean external = switch (kind.name()) {
            case "Internal", "InternalRotates" -> false;
            case "External", "ExternalExpires" -> true;
            default -> throw new IllegalArgumentException("kind '" + kind.name()
                    + "' is not Internal, InternalRotates, External or ExternalExpires");
        };
        Instant validTo = kind.name().equals("ExternalExpires") ? kind.date() : null;
        List<String> encoded = Fields.strings(node, node.has("key_materials") ? "key_materials" : "key_material");
        List<KeyMaterial> materials = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            String name = "key_material[" + i + "]";
            byte[] secret = Secrets.base64(name, encoded.get(i));
            if (secret.length != 32) {
                throw new IllegalArgumentException(name + " is " + secret.length + " bytes, not 32");
            }
            boolean last = i == encoded.size() - 1;
            GeneratedKey material = new GeneratedKey(secret, null);
            materials.add(new KeyMaterial(KeyLoads.materialId(id, material), secret, null, created,
                    i == 0 ? null : new MaterialRotation(external ? RotationType.ON_DEMAND : RotationType.AUTOMATIC,
                            created),
                    external ? new ImportedMaterial(null, last ? validTo : null) : null));
        }
        if (!external && materials.isEmpty()) {
            throw new IllegalArgumentException("key_material is empty: an Internal key needs at least one");
        }
        KeyState keyState = switch (state.name()) {
            case "Enabled" -> KeyState.ENABLED;
            case "Disabled" -> KeyState.DISABLED;
            case "PendingImport" -> KeyState.PENDING_IMPORT;
            case "PendingDeletion" -> KeyState.PENDING_DELETION;
            default -> throw new IllegalArgumentException("state '" + state.name()
                    + "' is not Enabled, Disabled, PendingImport or PendingDeletion");
        };
        KeyRotation rotation = kind.name().equals("InternalRotates")
                ? new KeyRotation(true, ROTATION_DAYS, kind.date(), null) : KeyRotation.OFF;
        boolean pendingDeletion = keyState == KeyState.PENDING_DELETION;
        return new KmsKey(scope, id, created, Fields.text(node, "description", ""), keyState,
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, external ? Origin.EXTERNAL : Origin.AWS_KMS,
                KeyManager.CUSTOMER, pendingDeletion ? state.date() : null,
                pendingDeletion ? DELETION_WINDOW_DAYS : null, DefaultKeyPolicy.forScope(scope),
                Fields.tags(node, "tags"), materials, materials.isEmpty() ? null : materials.get(materials.size() - 1).id(),
                rotation, null, null);
    }

    /** A serde enum: {@code "Name"}, or {@code {"Name": "date"}}. */
    private record Tagged(String name, Instant date) {
    }

    private static Tagged tagged(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return new Tagged(otherwise, null);
        }
        if (value.isTextual()) {
            if (value.asText().endsWith("Rotates") || value.asText().endsWith("Expires")
                    || value.asText().equals("PendingDeletion")) {
                throw new IllegalArgumentException(field + " " + value.asText() + " needs its date: {\""
                        + value.asText() + "\": \"2030-01-01T00:00:00Z\"}");
            }
            return new Tagged(value.asText(), null);
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            if (only.getValue().isTextual()) {
                return new Tagged(only.getKey(), Fields.instant(field + " " + only.getKey(), only.getValue().asText()));
            }
        }
        throw new IllegalArgumentException(field + " must be a name, or an object of a name to a date");
    }
}
