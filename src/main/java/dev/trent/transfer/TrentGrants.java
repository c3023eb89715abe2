package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.crypto.Digest;
import dev.trent.kms.Grant;
import dev.trent.kms.GrantConstraints;
import dev.trent.kms.GrantOperation;
import dev.trent.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The grants of a key in Trent's key file format: {@code "grants": [{...}]}. */
final class TrentGrants {
    private TrentGrants() {
    }

    static List<Grant> read(JsonNode keyNode, KmsKey key) {
        List<JsonNode> nodes = Fields.array(keyNode, "grants");
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String name = "grants[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                throw new IllegalArgumentException(name + " must be an object");
            }
            String id = Fields.text(node, "id", null);
            if (id == null) { // the same file gives the same grant ids everywhere
                id = HexFormat.of().formatHex(Digest.SHA_256.hash((key.arn() + "/grant/" + i)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            if (!id.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(name + ".id is not 64 lowercase hex digits");
            }
            String grantee = Fields.text(node, "grantee", null);
            String granteeService = Fields.text(node, "granteeService", null);
            if ((grantee == null) == (granteeService == null)) {
                throw new IllegalArgumentException(name + " needs one of grantee and granteeService");
            }
            List<GrantOperation> operations = new ArrayList<>();
            for (String operation : Fields.strings(node, "operations")) {
                GrantOperation parsed = Fields.enumOf(name + ".operations", operation, GrantOperation.class);
                if (!parsed.supportedBy(key)) {
                    throw new IllegalArgumentException(name + ": operation " + operation + " does not suit a "
                            + key.spec() + " key for " + key.usage());
                }
                operations.add(parsed);
            }
            if (operations.isEmpty()) {
                throw new IllegalArgumentException(name + ".operations is empty");
            }
            JsonNode constraints = Fields.object(node, "constraints");
            GrantConstraints parsed = constraints == null ? GrantConstraints.NONE : new GrantConstraints(
                    context(constraints, "encryptionContextSubset"), context(constraints, "encryptionContextEquals"),
                    Fields.text(constraints, "sourceArn", null));
            grants.add(new Grant(key.scope(), key.keyId(), id, Fields.text(node, "name", null),
                    Fields.instant(node, "created", key.creationDate()), grantee, granteeService,
                    Fields.text(node, "retiring", null), Fields.text(node, "retiringService", null),
                    Fields.text(node, "issuingAccount", key.scope().rootPrincipal()), operations, parsed));
        }
        return grants;
    }

    private static Map<String, String> context(JsonNode constraints, String field) {
        JsonNode value = Fields.object(constraints, field);
        if (value == null) {
            return null;
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pair : value.properties()) {
            context.put(pair.getKey(), pair.getValue().asText());
        }
        return context;
    }

    static void write(ObjectNode keyNode, List<Grant> grants) {
        if (grants.isEmpty()) {
            return;
        }
        ArrayNode list = keyNode.putArray("grants");
        for (Grant grant : grants) {
            ObjectNode node = list.addObject();
            node.put("id", grant.grantId());
            if (grant.name() != null) {
                node.put("name", grant.name());
            }
            node.put("created", grant.creationDate().toString());
            put(node, "grantee", grant.granteePrincipal());
            put(node, "granteeService", grant.granteeServicePrincipal());
            put(node, "retiring", grant.retiringPrincipal());
            put(node, "retiringService", grant.retiringServicePrincipal());
            node.put("issuingAccount", grant.issuingAccount());
            ArrayNode operations = node.putArray("operations");
            grant.operations().forEach(o -> operations.add(o.name()));
            GrantConstraints constraints = grant.constraints();
            if (constraints != null && !constraints.isEmpty()) {
                ObjectNode c = node.putObject("constraints");
                context(c, "encryptionContextSubset", constraints.encryptionContextSubset());
                context(c, "encryptionContextEquals", constraints.encryptionContextEquals());
                put(c, "sourceArn", constraints.sourceArn());
            }
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void context(ObjectNode node, String field, Map<String, String> context) {
        if (context != null) {
            ObjectNode out = node.putObject(field);
            context.forEach(out::put);
        }
    }
}
