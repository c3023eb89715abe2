package dev.trent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's constraints on every request member (required, length, range, pattern, enum), read from
 * {@code constraints.json}, which tools/gen-constraints.py extracts from the AWS service model.
 */
final class Constraints {

    /** The constraint on one member, or on the elements, keys or values of a list or map member. */
    /** @param hidden AWS leaves the value out of its messages (blobs, sensitive members) */
    record Constraint(String type, Long min, Long max, Pattern pattern, List<String> enumValues, boolean required,
            boolean hidden, Constraint member, Constraint key, Constraint value, String shape) {
    }

    private final Map<String, Map<String, Constraint>> shapes;

    private Constraints(Map<String, Map<String, Constraint>> shapes) {
        this.shapes = shapes;
    }

    /** The constraint on a member of a structure, or null when the model has none for it. */
    Constraint of(String shape, String member) {
        Map<String, Constraint> members = shapes.get(shape);
        return members == null ? null : members.get(member);
    }

    static Constraints load() {
        try (InputStream in = Constraints.class.getResourceAsStream("constraints.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, Constraint>> shapes = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> shape = it.next();
                Map<String, Constraint> members = new HashMap<>();
                shape.getValue().fields().forEachRemaining(m -> members.put(m.getKey(), parse(m.getValue())));
                shapes.put(shape.getKey(), members);
            }
            return new Constraints(shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("constraints.json is missing from the jar", e);
        }
    }

    private static Constraint parse(JsonNode node) {
        if (node == null) {
            return null;
        }
        return new Constraint(
                node.path("type").asText(),
                node.has("min") ? node.get("min").asLong() : null,
                node.has("max") ? node.get("max").asLong() : null,
                node.has("pattern") ? Pattern.compile(node.get("pattern").asText()) : null,
                node.has("enum") ? SdkEnums.values(node.get("enum").asText()) : null,
                node.path("required").asBoolean(false),
                node.path("hidden").asBoolean(false),
                parse(node.get("member")),
                parse(node.get("key")),
                parse(node.get("value")),
                node.has("shape") ? node.get("shape").asText() : null);
    }
}
