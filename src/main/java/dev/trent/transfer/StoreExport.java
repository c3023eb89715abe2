package dev.trent.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.KeyManager;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyMaterials;
import dev.trent.kms.KeyRotation;
import dev.trent.kms.KeyState;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Origin;
import dev.trent.kms.Scope;
import dev.trent.kms.Tag;
import dev.trent.store.Store;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's keys and aliases in Trent's key file format, by account and region: what
 * {@code trent export} writes and {@code --import} reads back. Secrets only when asked for.
 * Custom key stores go with their keys, their secrets only with the material.
 */
public final class StoreExport {
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int PAGE = 100;

    /** The document. */
    public record Export(ObjectNode document) {
        public String json() {
            try {
                return JSON.writeValueAsString(document) + System.lineSeparator();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private StoreExport() {
    }

    /**
     * @param includeMaterial whether key material goes in (base64); without it the materials are
     *     listed by id and date only, and the file cannot be imported as it is
     */
    public static Export export(Store store, boolean includeMaterial) {
        return build(store, includeMaterial, false);
    }

    /** The store as {@code trent inspect --json} shows it: the export without material, with each material's state. */
    static Export inspect(Store store) {
        return build(store, false, true);
    }

    private static Export build(Store store, boolean includeMaterial, boolean states) {
        ObjectNode root = JSON.createObjectNode();
        root.put("trent", TrentFormatReader.VERSION);
        root.put("material", includeMaterial);
        ArrayNode accounts = root.putArray("accounts");
        Map<String, ArrayNode> regionsByAccount = new LinkedHashMap<>();
        for (Scope scope : store.scopes()) {
            ArrayNode keyStores = JSON.createArrayNode();
            for (CustomKeyStore keyStore : store.customKeyStores(scope, null, Integer.MAX_VALUE)) {
                keyStores.add(TrentKeyStores.write(keyStore, includeMaterial));
            }
            ArrayNode keys = JSON.createArrayNode();
            for (KmsKey key : keys(store, scope)) {
                keys.add(key(store, key, includeMaterial, states));
            }
            if (keys.isEmpty() && keyStores.isEmpty()) {
                continue;
            }
            ArrayNode regions = regionsByAccount.computeIfAbsent(scope.account(), account -> {
                ObjectNode node = accounts.addObject();
                node.put("account", account);
                return node.putArray("regions");
            });
            ObjectNode region = regions.addObject();
            region.put("region", scope.region());
            if (!keyStores.isEmpty()) {
                region.set("customKeyStores", keyStores);
            }
            region.set("keys", keys);
        }
        return new Export(root);
    }

    static List<KmsKey> keys(Store store, Scope scope) {
        List<KmsKey> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<KmsKey> page = store.keys(scope, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).keyId();
        }
    }

    private static ObjectNode key(Store store, KmsKey key, boolean includeMaterial, boolean states) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", key.keyId());
        node.put("spec", key.spec().name());
        node.put("usage", key.usage().name());
        if (key.origin() != Origin.AWS_KMS) {
            node.put("origin", key.origin().name());
        }
        if (key.manager() != KeyManager.CUSTOMER) {
            node.put("manager", key.manager().name());
        }
        node.put("description", key.description() == null ? "" : key.description());
        node.put("state", key.state().awsName());
        if (key.state() == KeyState.PENDING_DELETION && key.deletionDate() != null) {
            node.put("deletionDate", key.deletionDate().toString());
        }
        if (key.pendingWindowInDays() != null) {
            node.put("pendingWindowInDays", key.pendingWindowInDays());
        }
        node.put("created", key.creationDate().toString());
        if (!key.policy().equals(DefaultKeyPolicy.forScope(key.scope()))) {
            node.put("policy", key.policy());
        }
        ObjectNode tags = node.putObject("tags");
        for (Tag tag : key.tags()) {
            tags.put(tag.key(), tag.value());
        }
        ArrayNode aliases = node.putArray("aliases");
        store.aliasesOf(key.scope(), key.keyId()).stream().map(Alias::name).sorted().forEach(aliases::add);
        KeyRotation rotation = key.rotation();
        if (rotation.enabled() || rotation.periodInDays() != null) {
            ObjectNode r = node.putObject("rotation");
            r.put("enabled", rotation.enabled());
            if (rotation.periodInDays() != null) {
                r.put("periodInDays", rotation.periodInDays());
            }
            if (rotation.nextRotationDate() != null) {
                r.put("nextRotationDate", rotation.nextRotationDate().toString());
            }
        }
        TrentKeyStores.writeBinding(node, key.keyStore());
        if (key.isMultiRegion()) {
            ObjectNode m = node.putObject("multiRegion");
            m.put("primaryRegion", key.multiRegion().primaryRegion());
            ArrayNode replicas = m.putArray("replicaRegions");
            key.multiRegion().replicaRegions().forEach(replicas::add);
        }
        TrentGrants.write(node, store.grantsOf(key.scope(), key.keyId()));
        ArrayNode materials = node.putArray("materials");
        for (KeyMaterial material : key.materials()) {
            materials.add(material(key, material, includeMaterial, states));
        }
        List<KeyMaterial> all = key.materials();
        if (key.currentMaterialId() != null
                && (all.isEmpty() || !all.get(all.size() - 1).id().equals(key.currentMaterialId()))) {
            node.put("currentMaterial", key.currentMaterialId());
        }
        return node;
    }

    private static ObjectNode material(KmsKey key, KeyMaterial material, boolean includeMaterial, boolean states) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", material.id());
        node.put("created", material.created().toString());
        if (states) {
            node.put("state", KeyMaterials.state(key, material).name());
        }
        if (material.rotation() != null) {
            ObjectNode rotation = node.putObject("rotation");
            rotation.put("type", material.rotation().type().name());
            rotation.put("date", material.rotation().date().toString());
        }
        if (material.imported() != null) {
            ObjectNode imported = node.putObject("imported");
            if (material.imported().description() != null) {
                imported.put("description", material.imported().description());
            }
            if (material.imported().validTo() != null) {
                imported.put("validTo", material.imported().validTo().toString());
            }
        }
        if (!material.present()) {
            node.put("deleted", true);
        } else if (includeMaterial) {
            node.put("base64", Base64.getEncoder().encodeToString(material.secret()));
        }
        if (material.publicKey() != null) {
            node.put("publicKey", Base64.getEncoder().encodeToString(material.publicKey()));
        }
        return node;
    }
}
