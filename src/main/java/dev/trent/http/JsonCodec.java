package dev.trent.http;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KmsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    private final Map<Class<?>, Map<String, SdkField<?>>> fieldsByClass = new ConcurrentHashMap<>();

    /** Fills a request builder from a request body; an empty body is an empty object. */
    public void read(byte[] body, SdkPojo builder) {
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw serialization(mismatch(first, "a structure"));
            }
            readStructure(parser, builder);
            if (parser.nextToken() != null) {
                throw serialization("Unexpected content after the JSON request body.");
            }
        } catch (IOException e) {
            throw serialization("The request body is not valid JSON.");
        }
    }

    /** Reads the members of an object whose START_OBJECT was just read; unknown members are skipped. */
    private void readStructure(JsonParser parser, SdkPojo builder) throws IOException {
        Map<String, SdkField<?>> fields = fieldsByName(builder);
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            SdkField<?> field = fields.get(parser.currentName());
            JsonToken value = parser.nextToken();
            if (field == null) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                field.set(builder, readValue(field, parser, value));
            }
        }
    }

    private Map<String, SdkField<?>> fieldsByName(SdkPojo builder) {
        return fieldsByClass.computeIfAbsent(builder.getClass(), c -> {
            Map<String, SdkField<?>> byName = new HashMap<>();
            builder.sdkFields().forEach(f -> byName.put(f.locationName(), f));
            return byName;
        });
    }

    private Object readValue(SdkField<?> field, JsonParser parser, JsonToken token) throws IOException {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case STRING:
                expect(token, JsonToken.VALUE_STRING, "a String");
                return parser.getText();
            case INTEGER:
                expect(token, JsonToken.VALUE_NUMBER_INT, "an Integer");
                if (parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw serialization("Integer value out of range: " + parser.getText());
                }
                return parser.getIntValue();
            case LONG:
                expect(token, JsonToken.VALUE_NUMBER_INT, "a Long");
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw serialization("Long value out of range: " + parser.getText());
                }
                return parser.getLongValue();
            case BOOLEAN:
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw serialization(mismatch(token, "a Boolean"));
                }
                return token == JsonToken.VALUE_TRUE;
            case SDK_BYTES:
                expect(token, JsonToken.VALUE_STRING, "a Blob");
                try {
                    return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(base64Text(parser)));
                } catch (IllegalArgumentException e) {
                    throw serialization("Base64 encoded value is invalid for '" + field.locationName() + "'.");
                }
            case INSTANT:
                if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw serialization(mismatch(token, "a Date"));
                }
                try {
                    return epochSecondsToInstant(parser.getDecimalValue());
                } catch (NumberFormatException | ArithmeticException | DateTimeException e) { // 1e600093818368 too
                    throw serialization("Timestamp value out of range: " + parser.getText());
                }
            case SDK_POJO:
                expect(token, JsonToken.START_OBJECT, "a structure");
                SdkPojo nested = field.constructor().get();
                readStructure(parser, nested);
                return ((Buildable) nested).build();
            case LIST:
                expect(token, JsonToken.START_ARRAY, "a list");
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>();
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    if (element == JsonToken.VALUE_NULL) {
                        throw serialization("null is not a valid member of a list.");
                    }
                    list.add(readValue(member, parser, element));
                }
                return list;
            case MAP:
                expect(token, JsonToken.START_OBJECT, "a map");
                SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken key = parser.nextToken(); key == JsonToken.FIELD_NAME; key = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_NULL) {
                        throw serialization("null is not a valid value of a map.");
                    }
                    map.put(name, readValue(valueField, parser, value));
                }
                return map;
            default:
                throw new IllegalStateException("KMS has no member of type " + type);
        }
    }

    /**
     * The string just read as the bytes the JDK's base64 decoder takes, copied once from the
     * parser's buffer: a blob is most of a request's body, and a String of it would be copied twice
     * more. Padding is required, as the JDK decoder would take "AAA", which every SDK pads.
     */
    private static byte[] base64Text(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length % 4 != 0) {
            throw new IllegalArgumentException("not padded");
        }
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            if (c > 0x7f) {
                throw new IllegalArgumentException("not base64");
            }
            text[i] = (byte) c;
        }
        return text;
    }

    private static Instant epochSecondsToInstant(BigDecimal seconds) {
        // Before toBigInteger(), which would expand an exponent like 1e999999999 digit by digit.
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
            throw new ArithmeticException("out of range");
        }
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        return Instant.ofEpochSecond(whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).longValue());
    }

    private static void expect(JsonToken token, JsonToken expected, String target) {
        if (token != expected) {
            throw serialization(mismatch(token, target));
        }
    }

    /** In the words of AWS's JSON service framework. */
    private static String mismatch(JsonToken token, String target) {
        return switch (token) {
            case START_OBJECT -> "Start of structure or map found where not expected.";
            case START_ARRAY -> "Start of list found where not expected.";
            case VALUE_STRING -> "STRING_VALUE can not be converted to " + target;
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN_VALUE can not be converted to " + target;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER_VALUE can not be converted to " + target;
            default -> "Unexpected JSON value where " + target + " was expected.";
        };
    }

    private static KmsException serialization(String message) {
        return new KmsException(ErrorCode.SERIALIZATION, message);
    }

    /** A response shape as its JSON body. */
    public byte[] write(SdkPojo response) {
        ExactBytes out = new ExactBytes(256);
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
            case SDK_BYTES -> {
                byte[] bytes = ((SdkBytes) value).asByteArrayUnsafe();
                // the JDK's encoding (standard alphabet, padded, one line), written in place
                json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
            }
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
