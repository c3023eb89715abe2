package dev.trent.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.kms.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the fields of a key file's entries, each wrong one an {@link IllegalArgumentException} naming it. */
final class Fields {
    private Fields() {
    }

    static String text(JsonNode node, String name, String otherwise) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.asText();
    }

    static String required(JsonNode node, String name) {
        String value = text(node, name, null);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(JsonNode node, String name, Class<E> type, E otherwise) {
        String value = text(node, name, null);
        if (value == null) {
            return otherwise;
        }
        return enumOf(name, value, type);
    }

    static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    static Instant instant(JsonNode node, String name, Instant otherwise) {
        String value = text(node, name, null);
        return value == null ? otherwise : instant(name, value);
    }

    static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO 8601 date and time with offset"
                    + " (e.g. 2024-01-31T12:00:00Z)");
        }
    }

    static Integer integer(JsonNode node, String name, Integer otherwise) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        return value.intValue();
    }

    static boolean bool(JsonNode node, String name, boolean otherwise) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false");
        }
        return value.booleanValue();
    }

    /** An array's elements; none when the field is absent. */
    static List<JsonNode> array(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    static List<String> strings(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode element : array(node, name)) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException(name + " must be a list of strings");
            }
            out.add(element.asText());
        }
        return out;
    }

    /** Tags as an object of key to value, or a list of {key, value} (any capitalization). */
    static List<Tag> tags(JsonNode node, String name) {
        JsonNode value = node.get(name);
        List<Tag> tags = new ArrayList<>();
        if (value == null || value.isNull()) {
            return tags;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getValue().isTextual()) {
                    throw new IllegalArgumentException("tag " + field.getKey() + " must have a string value");
                }
                tags.add(new Tag(field.getKey(), field.getValue().asText()));
            }
            return tags;
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(name + " must be an object of key to value, or a list of {key, value}");
        }
        for (JsonNode tag : value) {
            String key = firstText(tag, "key", "Key", "TagKey");
            String tagValue = firstText(tag, "value", "Value", "TagValue");
            if (key == null || tagValue == null) {
                throw new IllegalArgumentException(name + " must be a list of {key, value}");
            }
            tags.add(new Tag(key, tagValue));
        }
        return tags;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    static JsonNode object(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(name + " must be an object");
        }
        return value;
    }
}
