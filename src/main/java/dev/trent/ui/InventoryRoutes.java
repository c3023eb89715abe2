package dev.trent.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.admin.AdminRequest;
import dev.trent.admin.AdminResponse;
import dev.trent.admin.AdminJson;
import dev.trent.admin.AdminRoutes;
import dev.trent.api.ConsoleShapes;
import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Inventory;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import dev.trent.kms.Tag;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The read-only JSON the web console shows, under {@code /_trent/api/}: which accounts and Regions
 * hold anything, their keys, one key in full, their custom key stores. Keys and the rest appear in
 * the KMS API's own shapes ({@link ConsoleShapes}), dates as ISO-8601 text, never with secret
 * material: no key material, private key, import token, proxy secret or kmsuser password.
 * <ul>
 * <li>{@code GET /_trent/api/scopes}: {@code {"default":{"account","region"},
 *     "scopes":[{"account","region","keys","aliases","customKeyStores"}]}}
 * <li>{@code GET /_trent/api/keys?account=A&region=R}: {@code {"account","region","keys":[{"KeyMetadata",
 *     "Aliases","Tags","Rotation","MaterialVersions"}]}}
 * <li>{@code GET /_trent/api/keys/KEY_ID?account=A&region=R}: the key with its {@code Policy},
 *     {@code Aliases} (entries), {@code Grants}, {@code Materials} and {@code LastUsage} too
 * <li>{@code GET /_trent/api/custom-key-stores?account=A&region=R}: {@code {"CustomKeyStores":[...]}}
 * </ul>
 */
final class InventoryRoutes {
    static final String SCOPES = AdminRoutes.ROOT + "api/scopes";
    static final String KEYS = AdminRoutes.ROOT + "api/keys";
    static final String CUSTOM_KEY_STORES = AdminRoutes.ROOT + "api/custom-key-stores";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** Loose: Trent takes a request's Region from its credential scope as the client wrote it. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Supplier<Kms> kms;
    private final Scope defaultScope;

    /**
     * @param kms the domain, asked for on each request (Trent builds it while it starts listening)
     * @param defaultScope where unsigned requests go (--account, --region): the console's first choice
     */
    InventoryRoutes(Supplier<Kms> kms, Scope defaultScope) {
        this.kms = kms;
        this.defaultScope = defaultScope;
    }

    void register(AdminRoutes routes) {
        routes.add("GET", SCOPES, request -> answer(this::scopes));
        routes.add("GET", KEYS, request -> answer(inventory -> keys(inventory, scope(request))));
        routes.add("GET", KEYS + "/", request -> answer(inventory -> key(inventory, scope(request), keyId(request))));
        routes.add("GET", CUSTOM_KEY_STORES, request -> answer(inventory -> customKeyStores(inventory, scope(request))));
    }

    /** A request the console got wrong: 400 or 404 with a message, as the other routes under /_trent/ answer. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private interface Body {
        ObjectNode build(Inventory inventory);
    }

    private AdminResponse answer(Body body) {
        try {
            Kms domain = kms.get();
            // what the clock has made due happens first, as before every KMS request: a key whose
            // deletion date passed is gone here too
            domain.catchUp();
            return AdminResponse.ok(AdminJson.mapper().writeValueAsString(body.build(domain.inventory())));
        } catch (Refused e) {
            ObjectNode error = NODES.objectNode().put("message", e.getMessage());
            return AdminResponse.json(e.status, error.toString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scope scope(AdminRequest request) {
        String account = request.query().get("account");
        String region = request.query().get("region");
        if (account == null || region == null) {
            throw new Refused(400, "The query parameters account and region are required.");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new Refused(400, "account must be a 12-digit AWS account id: " + account);
        }
        if (!REGION.matcher(region).matches()) {
            throw new Refused(400, "region is not a Region name: " + region);
        }
        return new Scope(account, region);
    }

    private static String keyId(AdminRequest request) {
        String keyId = request.path().substring((KEYS + "/").length());
        if (keyId.isEmpty() || keyId.contains("/")) {
            throw new Refused(404, "Not found: " + request.path());
        }
        return keyId;
    }

    private ObjectNode scopes(Inventory inventory) {
        ArrayNode scopes = NODES.arrayNode();
        for (Scope scope : inventory.scopes()) {
            scopes.addObject()
                    .put("account", scope.account())
                    .put("region", scope.region())
                    .put("keys", inventory.keys(scope).size())
                    .put("aliases", inventory.aliases(scope).size())
                    .put("customKeyStores", inventory.customKeyStores(scope).size());
        }
        ObjectNode body = NODES.objectNode();
        body.putObject("default").put("account", defaultScope.account()).put("region", defaultScope.region());
        body.set("scopes", scopes);
        return body;
    }

    private static ObjectNode keys(Inventory inventory, Scope scope) {
        Map<String, List<Alias>> aliases = inventory.aliases(scope).stream()
                .filter(alias -> alias.targetKeyId() != null)
                .collect(Collectors.groupingBy(Alias::targetKeyId));
        ArrayNode keys = NODES.arrayNode();
        for (KmsKey key : inventory.keys(scope)) {
            ObjectNode entry = keys.addObject();
            entry.set("KeyMetadata", ShapeJson.of(ConsoleShapes.keyMetadata(key)));
            ArrayNode names = entry.putArray("Aliases");
            aliases.getOrDefault(key.keyId(), List.of()).forEach(alias -> names.add(alias.name()));
            entry.set("Tags", tags(key.tags()));
            entry.set("Rotation", ShapeJson.of(ConsoleShapes.rotationStatus(inventory.rotationStatus(key))));
            entry.put("MaterialVersions", key.materials().size());
        }
        ObjectNode body = NODES.objectNode().put("account", scope.account()).put("region", scope.region());
        body.set("keys", keys);
        return body;
    }

    private static ObjectNode key(Inventory inventory, Scope scope, String keyId) {
        KmsKey key = inventory.key(scope, keyId)
                .orElseThrow(() -> new Refused(404, "Key '" + scope.keyArn(keyId) + "' does not exist"));
        ObjectNode body = NODES.objectNode().put("account", scope.account()).put("region", scope.region());
        body.set("KeyMetadata", ShapeJson.of(ConsoleShapes.keyMetadata(key)));
        body.put("PolicyName", "default");
        body.put("Policy", key.policy());
        body.set("Aliases", list(inventory.aliasesOf(key), alias -> ShapeJson.of(ConsoleShapes.alias(alias))));
        body.set("Tags", tags(key.tags()));
        body.set("Grants", list(inventory.grantsOf(key), grant -> ShapeJson.of(ConsoleShapes.grant(grant))));
        body.set("Rotation", ShapeJson.of(ConsoleShapes.rotationStatus(inventory.rotationStatus(key))));
        body.set("Materials", list(inventory.materials(key), entry -> ShapeJson.of(ConsoleShapes.material(entry))
                // ListKeyRotations has no date for a key's first material; its creation is worth seeing
                .put("CreationDate", ShapeJson.text(entry.material().created()))));
        Optional<ObjectNode> lastUsage = inventory.lastUsage(key).map(use -> ShapeJson.of(ConsoleShapes.lastUsage(use)));
        body.set("LastUsage", lastUsage.orElse(null));
        return body;
    }

    private static ObjectNode customKeyStores(Inventory inventory, Scope scope) {
        Map<String, Long> keyCounts = inventory.keys(scope).stream()
                .filter(key -> key.keyStore() != null)
                .collect(Collectors.groupingBy(key -> key.keyStore().customKeyStoreId(), Collectors.counting()));
        ObjectNode body = NODES.objectNode().put("account", scope.account()).put("region", scope.region());
        body.set("CustomKeyStores", list(inventory.customKeyStores(scope), (CustomKeyStore keyStore) ->
                ShapeJson.of(ConsoleShapes.customKeyStore(keyStore))
                        .put("KeyCount", keyCounts.getOrDefault(keyStore.id(), 0L))));
        return body;
    }

    private static ArrayNode tags(List<Tag> tags) {
        ArrayNode array = NODES.arrayNode();
        tags.forEach(tag -> array.addObject().put("TagKey", tag.key()).put("TagValue", tag.value()));
        return array;
    }

    private static <T> ArrayNode list(List<T> items, Function<T, ObjectNode> node) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(node.apply(item)));
        return array;
    }
}
