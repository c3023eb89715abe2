package dev.trent.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * A KMS response shape as the console's JSON: AWS's member names, dates as ISO-8601 text (which a
 * person and a browser read more easily than epoch seconds). Blob members are never written: the
 * console shows no bytes at all, so that no ciphertext, key material or import token can reach it
 * by way of a shape.
 */
final class ShapeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ShapeJson() {
    }

    static ObjectNode of(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            JsonNode written = value(field, value);
            if (written != null) {
                node.set(field.locationName(), written);
            }
        }
        return node;
    }

    /** A date to the millisecond, as the KMS API gives it (JSON 1.1 timestamps carry milliseconds). */
    static String text(Instant date) {
        return date.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The value as JSON; null for what the console leaves out (blobs). */
    private static JsonNode value(SdkField<?> field, Object value) {
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> NODES.textNode((String) value);
            case INTEGER -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INSTANT -> NODES.textNode(text((Instant) value));
            case SDK_POJO -> of((SdkPojo) value);
            case LIST -> {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value) {
                    JsonNode written = value(member, element);
                    if (written != null) {
                        array.add(written);
                    }
                }
                yield array;
            }
            case MAP -> {
                SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
                ObjectNode map = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    JsonNode written = value(valueField, entry.getValue());
                    if (written != null) {
                        map.set((String) entry.getKey(), written);
                    }
                }
                yield map;
            }
            default -> null; // SDK_BYTES above all: never shown
        };
    }
}
