package dev.trent.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KmsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * AWS JSON 1.1 for every KMS shape, through the SDK model classes' {@link SdkField} metadata: one
 * reader and one writer instead of a hand-written mapping per shape. Blobs are base64, timestamps
 * epoch seconds. A value of the wrong JSON type is a {@code SerializationException}, as with AWS.
 */
public final class JsonCodec {
    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public JsonCodec() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /** Fills a request builder from a request body; an empty body is an empty object. */
    public void read(byte[] body, SdkPojo builder) {
        if (body.length == 0) {
            return;
        }
        JsonNode root;
        try (JsonParser parser = factory.createParser(body)) {
            root = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw serialization("Unexpected content after the JSON request body.");
            }
        } catch (IOException e) {
            throw serialization("The request body is not valid JSON.");
        }
        if (root == null || root.isMissingNode()) {
            return;
        }
        if (!root.isObject()) {
            throw serialization(mismatch(root, "a structure"));
        }
        readStructure(root, builder);
    }

    private void readStructure(JsonNode object, SdkPojo builder) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode node = object.get(field.locationName());
            if (node != null && !node.isNull()) {
                field.set(builder, readValue(field, node));
            }
        }
    }

    private Object readValue(SdkField<?> field, JsonNode node) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case STRING:
                expect(node, JsonNodeType.STRING, "a String");
                return node.textValue();
            case INTEGER:
                expectIntegral(node, "an Integer");
                if (!node.canConvertToInt()) {
                    throw serialization("Integer value out of range: " + node.asText());
                }
                return node.intValue();
            case LONG:
                expectIntegral(node, "a Long");
                if (!node.canConvertToLong()) {
                    throw serialization("Long value out of range: " + node.asText());
                }
                return node.longValue();
            case BOOLEAN:
                expect(node, JsonNodeType.BOOLEAN, "a Boolean");
                return node.booleanValue();
            case SDK_BYTES:
                expect(node, JsonNodeType.STRING, "a Blob");
                try {
                    return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(node.textValue()));
                } catch (IllegalArgumentException e) {
                    throw serialization("Base64 encoded value is invalid for '" + field.locationName() + "'.");
                }
            case INSTANT:
                expect(node, JsonNodeType.NUMBER, "a Date");
                return epochSecondsToInstant(node.decimalValue());
            case SDK_POJO:
                expect(node, JsonNodeType.OBJECT, "a structure");
                SdkPojo nested = field.constructor().get();
                readStructure(node, nested);
                return ((Buildable) nested).build();
            case LIST:
                expect(node, JsonNodeType.ARRAY, "a list");
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    if (element.isNull()) {
                        throw serialization("null is not a valid member of a list.");
                    }
                    list.add(readValue(member, element));
                }
                return list;
            case MAP:
                expect(node, JsonNodeType.OBJECT, "a map");
                SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (entry.getValue().isNull()) {
                        throw serialization("null is not a valid value of a map.");
                    }
                    map.put(entry.getKey(), readValue(valueField, entry.getValue()));
                }
                return map;
            default:
                throw new IllegalStateException("KMS has no member of type " + type);
        }
    }

    private static Instant epochSecondsToInstant(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        return Instant.ofEpochSecond(whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).longValue());
    }

    private static void expect(JsonNode node, JsonNodeType type, String target) {
        if (node.getNodeType() != type) {
            throw serialization(mismatch(node, target));
        }
    }

    private static void expectIntegral(JsonNode node, String target) {
        if (!node.isIntegralNumber()) {
            throw serialization(mismatch(node, target));
        }
    }

    /** In the words of AWS's JSON service framework. */
    private static String mismatch(JsonNode node, String target) {
        return switch (node.getNodeType()) {
            case OBJECT -> "Start of structure or map found where not expected.";
            case ARRAY -> "Start of list found where not expected.";
            case STRING -> "STRING_VALUE can not be converted to " + target;
            case BOOLEAN -> "BOOLEAN_VALUE can not be converted to " + target;
            case NUMBER -> "NUMBER_VALUE can not be converted to " + target;
            default -> "Unexpected JSON value where " + target + " was expected.";
        };
    }

    private static KmsException serialization(String message) {
        return new KmsException(ErrorCode.SERIALIZATION, message);
    }

    /** A response shape as its JSON body. */
    public byte[] write(SdkPojo response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            writeStructure(json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The error envelope: {@code {"__type": ..., "message": ...}}, without a message when AWS sends none. */
    public byte[] writeError(String type, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("__type", type);
            if (message != null) {
                json.writeStringField("message", message);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeStructure(JsonGenerator json, SdkPojo pojo) throws IOException {
        json.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                json.writeFieldName(field.locationName());
                writeValue(json, field, value);
            }
        }
        json.writeEndObject();
    }

    private void writeValue(JsonGenerator json, SdkField<?> field, Object value) throws IOException {
        switch (field.marshallingType().getKnownType()) {
            case STRING -> json.writeString((String) value);
            case INTEGER -> json.writeNumber((Integer) value);
            case LONG -> json.writeNumber((Long) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case SDK_BYTES -> json.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
            case INSTANT -> json.writeNumber(BigDecimal.valueOf(((Instant) value).toEpochMilli(), 3));
            case SDK_POJO -> writeStructure(json, (SdkPojo) value);
            case LIST -> {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                json.writeStartArray();
                for (Object element : (List<?>) value) {
                    writeValue(json, member, element);
                }
                json.writeEndArray();
            }
            case MAP -> {
                SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    json.writeFieldName((String) entry.getKey());
                    writeValue(json, valueField, entry.getValue());
                }
                json.writeEndObject();
            }
            default -> throw new IllegalStateException("KMS has no member of type " + field.marshallingType());
        }
    }
}
