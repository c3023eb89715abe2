package dev.trent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.api.Operation;
import dev.trent.auth.AuthError;
import dev.trent.kms.ErrorCode;
import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import dev.trent.transfer.StoreExport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Bad input for every one of the 56 operations, generated from the SDK model's request shapes and
 * AWS's constraints (constraints.tsv): each answer is AWS's error type with HTTP 400, the
 * connection stays usable, and the stored state (a full export with material: keys, aliases,
 * grants, tags, policies, rotations, key stores) is unchanged.
 */
class BadInputTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Trent without --credentials takes the account from the access key id and checks no signature. */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + TrentServer.ACCOUNT
            + "/20260101/" + TrentServer.REGION + "/kms/aws4_request, SignedHeaders=host, Signature=00";
    private static final String SERIALIZATION = "SerializationException";
    private static final String VALIDATION = "ValidationException";
    private static final String UNKNOWN_OPERATION = "UnknownOperationException";
    private static final Set<String> KNOWN_TYPES = Stream.concat(
                    Arrays.stream(ErrorCode.values()).map(ErrorCode::awsName),
                    Arrays.stream(AuthError.values()).map(AuthError::awsName))
            .collect(Collectors.toUnmodifiableSet());

    /** AWS's constraints by shape, then member, as the two resource files list them. */
    private static final Map<String, Map<String, Map<String, String>>> CONSTRAINTS = constraints();

    private static String keyId;

    @BeforeAll
    static void someState() {
        var kms = trent.kms();
        keyId = TestKeys.newKeyId(kms);
        kms.createAlias(b -> b.aliasName("alias/bad-input").targetKeyId(keyId));
        kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("team").tagValue("red").build()));
        kms.createGrant(b -> b.keyId(keyId).granteePrincipal("arn:aws:iam::" + TrentServer.ACCOUNT + ":role/r")
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT));
        kms.enableKeyRotation(b -> b.keyId(keyId));
        kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY).description("rsa"));
        kms.createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC));
    }

    /** Every operation, and for each the generated bad requests; answers checked one by one. */
    @TestFactory
    Stream<DynamicNode> everyOperationRejectsBadInput() {
        return Arrays.stream(Operation.values()).map(op -> DynamicContainer.dynamicContainer(op.awsName(),
                cases(op).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(op, c)))));
    }

    @Test
    void theModelHasFiftySixOperations() {
        assertThat(Operation.values()).hasSize(56);
    }

    record Case(String name, byte[] body, String expectedType) {
        static Case of(String name, String body, String expectedType) {
            return new Case(name, body.getBytes(StandardCharsets.UTF_8), expectedType);
        }
    }

    private static List<Case> cases(Operation op) {
        List<Case> cases = new ArrayList<>();
        for (String body : List.of("not json", "{", "{\"KeyId\":", "{\"KeyId\" \"x\"}", "{}}", "{} {}", "null",
                "\"KeyId\"", "42", "true", "[]", "[{}]", "[{\"KeyId\":\"" + "k" + "\"}]", "{'KeyId':'x'}",
                "{\"KeyId\":\"x\",}", "{\"KeyId\":undefined}", "{\"KeyId\":\"\\ud800\\u00\"}", "\"\\u0000\"")) {
            cases.add(Case.of("not a JSON object: " + body, body, SERIALIZATION));
        }
        cases.add(new Case("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                SERIALIZATION));
        cases.add(Case.of("nesting too deep", "{\"Tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                SERIALIZATION));
        SdkPojo request = newRequest(op);
        String shape = op.awsName() + "Request";
        boolean required = CONSTRAINTS.getOrDefault(shape, Map.of()).values().stream()
                .anyMatch(c -> c.containsKey("required"));
        cases.add(Case.of("{}", "{}", required ? VALIDATION : null));
        cases.add(Case.of("unknown members only",
                "{\"NoSuchMember\":{\"a\":[1,{\"b\":null}]},\"keyId\":1,\"KEYID\":true}", required ? VALIDATION : null));
        for (SdkField<?> field : request.sdkFields()) {
            String member = field.locationName();
            for (JsonNode wrong : wrongTypes(field)) {
                cases.add(Case.of(member + " = " + wrong, body(op, member, wrong), SERIALIZATION));
            }
            for (JsonNode wrong : nestedWrongTypes(field)) {
                cases.add(Case.of(member + " = " + abbreviate(wrong), body(op, member, wrong), SERIALIZATION));
            }
            for (JsonNode invalid : violations(shape, field)) {
                cases.add(Case.of(member + " = " + abbreviate(invalid), body(op, member, invalid), VALIDATION));
            }
        }
        return cases;
    }

    /** The bad member beside a real key id, so that a member the decoder dropped would let the request act. */
    private static String body(Operation op, String member, JsonNode value) {
        ObjectNode body = NODES.objectNode();
        if (newRequest(op).sdkFields().stream().anyMatch(f -> f.locationName().equals("KeyId"))) {
            body.put("KeyId", keyId);
        }
        body.set(member, value);
        return body.toString();
    }

    private static List<JsonNode> wrongTypes(SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        JsonNode text = NODES.textNode("x");
        JsonNode number = NODES.numberNode(1);
        JsonNode bool = NODES.booleanNode(true);
        JsonNode object = NODES.objectNode().put("a", "b");
        JsonNode list = NODES.arrayNode().add("x");
        return switch (type) {
            case STRING -> List.of(number, NODES.numberNode(1.5), bool, object, list);
            case INTEGER -> List.of(NODES.textNode("7"), NODES.numberNode(7.5), bool, object, list,
                    NODES.numberNode(1L << 40), NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(30))));
            case LONG -> List.of(NODES.textNode("7"), NODES.numberNode(7.5), bool, object, list,
                    NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(30))));
            case BOOLEAN -> List.of(NODES.textNode("true"), number, object, list);
            case SDK_BYTES -> List.of(number, bool, object, list, NODES.textNode("not base64!"),
                    NODES.textNode("AAA"), NODES.textNode("A===="), NODES.textNode("ä"),
                    NODES.textNode("AAä="), NODES.textNode("AA\u0100="), NODES.textNode("AA A"),
                    NODES.textNode("AA\u0141=")); // Ł, whose low byte is A: not base64 either
            case INSTANT -> List.of(NODES.textNode("2030-01-01T00:00:00Z"), bool, object, list,
                    NODES.numberNode(new java.math.BigDecimal("1e30")), NODES.numberNode(-1e300),
                    NODES.numberNode(new java.math.BigDecimal("1e999999999")),
                    NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue("89345e600093818368")),
                    NODES.numberNode(new java.math.BigInteger("9" + "0".repeat(40))));
            case SDK_POJO -> List.of(text, number, bool, list);
            case LIST -> List.of(text, number, bool, object, NODES.arrayNode().addNull());
            case MAP -> List.of(text, number, bool, list, NODES.objectNode().putNull("a"));
            default -> throw new IllegalStateException("no such member type " + type);
        };
    }

    /** Wrong types one level down: list elements, map values, members of nested structures. */
    private static List<JsonNode> nestedWrongTypes(SdkField<?> field) {
        List<JsonNode> values = new ArrayList<>();
        switch (field.marshallingType().getKnownType()) {
            case LIST -> {
                SdkField<?> element = field.getTrait(ListTrait.class).memberFieldInfo();
                for (JsonNode wrong : wrongTypes(element)) {
                    values.add(NODES.arrayNode().add(wrong));
                }
                for (JsonNode nested : nestedWrongTypes(element)) {
                    values.add(NODES.arrayNode().add(nested));
                }
            }
            case MAP -> {
                SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
                for (JsonNode wrong : wrongTypes(value)) {
                    values.add(NODES.objectNode().set("k", wrong));
                }
            }
            case SDK_POJO -> {
                for (SdkField<?> member : ((SdkPojo) field.constructor().get()).sdkFields()) {
                    for (JsonNode wrong : wrongTypes(member)) {
                        values.add(NODES.objectNode().set(member.locationName(), wrong));
                    }
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** Values of the right JSON type that break one of AWS's constraints on the member. */
    private static List<JsonNode> violations(String shape, SdkField<?> field) {
        Map<String, String> c = CONSTRAINTS.getOrDefault(shape, Map.of()).get(field.memberName());
        List<JsonNode> values = new ArrayList<>();
        if (c == null) {
            return values;
        }
        String type = c.get("type");
        Long min = c.containsKey("min") ? Long.parseLong(c.get("min")) : null;
        Long max = c.containsKey("max") ? Long.parseLong(c.get("max")) : null;
        switch (type) {
            case "string" -> {
                if (max != null) {
                    values.add(NODES.textNode("a".repeat((int) (max + 1))));
                }
                if (min != null && min > 0) {
                    values.add(NODES.textNode("a".repeat((int) (min - 1))));
                }
                if (c.containsKey("pattern")) {
                    values.add(NODES.textNode("has space \u4e2d\u0001" + "a".repeat((int) Math.max(0, (min == null ? 0 : min) - 12))));
                }
                if (c.containsKey("enum")) {
                    values.add(NODES.textNode("NOT_A_VALUE"));
                    values.add(NODES.textNode(""));
                }
            }
            case "integer", "long" -> {
                if (max != null) {
                    values.add(NODES.numberNode(max + 1));
                }
                if (min != null) {
                    values.add(NODES.numberNode(min - 1));
                }
                values.add(NODES.numberNode(Integer.MIN_VALUE));
            }
            case "blob" -> {
                if (max != null) {
                    values.add(NODES.textNode(Base64.getEncoder().encodeToString(new byte[(int) (max + 1)])));
                }
                if (min != null && min > 0) {
                    values.add(NODES.textNode(""));
                }
            }
            case "list" -> {
                Map<String, String> member = CONSTRAINTS.get(shape).get(field.memberName() + ".member");
                SdkField<?> element = field.getTrait(ListTrait.class).memberFieldInfo();
                JsonNode valid = validElement(element, member);
                if (max != null && valid != null) {
                    ArrayNode list = NODES.arrayNode();
                    for (long i = 0; i <= max; i++) {
                        list.add(valid);
                    }
                    values.add(list);
                }
                if (min != null && min > 0) {
                    values.add(NODES.arrayNode());
                }
                if (member != null && "string".equals(member.get("type"))) {
                    if (member.containsKey("max")) {
                        values.add(NODES.arrayNode().add("a".repeat(Integer.parseInt(member.get("max")) + 1)));
                    }
                    if (member.containsKey("enum")) {
                        values.add(NODES.arrayNode().add("NOT_A_VALUE"));
                    }
                }
                if (member != null && member.containsKey("shape")) {
                    for (JsonNode nested : structureViolations(member.get("shape"), element)) {
                        values.add(NODES.arrayNode().add(nested));
                    }
                }
            }
            case "structure" -> values.addAll(structureViolations(c.get("shape"), field));
            case "map" -> {
                if (max != null) {
                    ObjectNode map = NODES.objectNode();
                    for (long i = 0; i <= max; i++) {
                        map.put("k" + i, "v");
                    }
                    values.add(map);
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** A structure in which one member breaks a constraint, the others left out. */
    private static List<JsonNode> structureViolations(String shape, SdkField<?> field) {
        List<JsonNode> values = new ArrayList<>();
        for (SdkField<?> member : ((SdkPojo) field.constructor().get()).sdkFields()) {
            for (JsonNode invalid : violations(shape, member)) {
                values.add(NODES.objectNode().set(member.locationName(), invalid));
            }
        }
        return values;
    }

    private static JsonNode validElement(SdkField<?> element, Map<String, String> constraint) {
        return switch (element.marshallingType().getKnownType()) {
            case STRING -> constraint != null && constraint.containsKey("enum") ? null : NODES.textNode("x");
            case SDK_POJO -> NODES.objectNode();
            default -> null;
        };
    }

    private void check(Operation op, Case c) throws Exception {
        String before = export();
        HttpResponse<String> response = post("TrentService." + op.awsName(), KmsRequestHandler.CONTENT_TYPE, c.body());
        String type = errorType(response);
        if (c.expectedType() == null) {
            // A valid request (AWS ignores unknown members): any answer but a server error.
            assertThat(response.statusCode()).as(c.name() + " -> " + response.body()).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(KNOWN_TYPES).as(response.body()).contains(type);
                assertThat(export()).isEqualTo(before);
            }
            return;
        }
        assertThat(response.statusCode()).as(c.name() + " -> " + response.body()).isEqualTo(400);
        assertThat(type).as(c.name() + " -> " + response.body()).isEqualTo(c.expectedType());
        assertThat(export()).as("stored state after " + c.name()).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> unknownMembersAreIgnored() {
        return Arrays.stream(Operation.values()).map(op -> DynamicTest.dynamicTest(op.awsName(), () -> {
            String plain = errorType(post("TrentService." + op.awsName(), KmsRequestHandler.CONTENT_TYPE,
                    "{\"KeyId\":\"alias/no-such-alias\"}".getBytes(StandardCharsets.UTF_8)));
            String withUnknown = errorType(post("TrentService." + op.awsName(), KmsRequestHandler.CONTENT_TYPE,
                    "{\"KeyId\":\"alias/no-such-alias\",\"Unknown\":{\"x\":[1]},\"Other\":\"y\"}"
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(withUnknown).isEqualTo(plain);
        }));
    }

    @TestFactory
    Stream<DynamicTest> badTargetsAndContentTypes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : Operation.values()) {
            String target = "TrentService." + op.awsName();
            Map<String, String[]> variants = new LinkedHashMap<>();
            variants.put("no target", new String[] {null, KmsRequestHandler.CONTENT_TYPE});
            variants.put("lower-case target", new String[] {target.toLowerCase(), KmsRequestHandler.CONTENT_TYPE});
            variants.put("other service prefix", new String[] {"KMS." + op.awsName(), KmsRequestHandler.CONTENT_TYPE});
            variants.put("no prefix", new String[] {op.awsName(), KmsRequestHandler.CONTENT_TYPE});
            variants.put("trailing text", new String[] {target + "X", KmsRequestHandler.CONTENT_TYPE});
            variants.put("no content type", new String[] {target, null});
            variants.put("text/plain", new String[] {target, "text/plain"});
            variants.put("form", new String[] {target, "application/x-www-form-urlencoded"});
            variants.put("json 1.0", new String[] {target, "application/x-amz-json-1.0x"});
            for (Map.Entry<String, String[]> v : variants.entrySet()) {
                tests.add(DynamicTest.dynamicTest(op.awsName() + ": " + v.getKey(), () -> {
                    String before = export();
                    HttpResponse<String> response = post(v.getValue()[0], v.getValue()[1],
                            ("{\"KeyId\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
                    assertThat(response.statusCode()).isEqualTo(400);
                    assertThat(errorType(response)).isEqualTo(UNKNOWN_OPERATION);
                    assertThat(export()).isEqualTo(before);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> bodiesOverTheLimitAreRejectedBeforeBuffering() {
        return Arrays.stream(Operation.values()).map(op -> DynamicTest.dynamicTest(op.awsName(), () -> {
            String before = export();
            byte[] body = oversized();
            HttpResponse<String> response = post("TrentService." + op.awsName(), KmsRequestHandler.CONTENT_TYPE, body);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(errorType(response)).isEqualTo(VALIDATION);
            assertThat(export()).isEqualTo(before);
        }));
    }

    /** A client that announces a huge body and keeps the connection open gets the answer at once. */
    @Test
    void anAnnouncedHugeBodyIsAnsweredWithoutReadingIt() throws Exception {
        URI endpoint = trent.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.Encrypt\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000000000\r\n\r\n{\"KeyId\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    /** Requests that are not HTTP as Netty reads it still get an answer, not a dropped connection. */
    @TestFactory
    Stream<DynamicTest> malformedHttpIsAnsweredWithAnError() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("garbage request line", "HELLO\r\n\r\n");
        requests.put("header line over 8 KiB", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.ListKeys\r\n"
                + "X-Long: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}");
        requests.put("bad content length", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.ListKeys\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: abc\r\n\r\n{}");
        return requests.entrySet().stream().map(r -> DynamicTest.dynamicTest(r.getKey(), () -> {
            URI endpoint = trent.endpoint();
            String before = export();
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(r.getValue().getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 400 Bad Request");
                String line;
                while (!(line = in.readLine()).isEmpty()) {
                    assertThat(line).doesNotStartWith("HTTP/");
                }
                char[] body = new char[200];
                String envelope = new String(body, 0, in.read(body));
                assertThat(JSON.readTree(envelope).path("__type").asText()).isEqualTo(SERIALIZATION);
            }
            assertThat(export()).isEqualTo(before);
        }));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRejected() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(trent.endpoint())
                .header("X-Amz-Target", "TrentService.Encrypt")
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", KmsRequestHandler.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(oversized())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(errorType(response)).isEqualTo(VALIDATION);
    }

    @Test
    void theLargestBodyStillAllowedIsRead() throws Exception {
        String prefix = "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"AA==\",\"Pad\":\"";
        String body = prefix + "x".repeat(HttpServer.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";
        assertThat(body).hasSize(HttpServer.MAX_BODY_BYTES);
        HttpResponse<String> response = post("TrentService.Encrypt", KmsRequestHandler.CONTENT_TYPE,
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static byte[] oversized() {
        String prefix = "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"";
        return (prefix + "A".repeat(HttpServer.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String target, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(trent.endpoint())
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorType(HttpResponse<String> response) throws IOException {
        if (response.statusCode() == 200) {
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        String type = body.path("__type").asText(null);
        assertThat(KNOWN_TYPES).as(response.body()).contains(type);
        return type;
    }

    private static String export() {
        return StoreExport.export(trent.trent().store(), true).json();
    }

    private static SdkPojo newRequest(Operation op) {
        try {
            Class<?> type = Class.forName("software.amazon.awssdk.services.kms.model." + op.awsName() + "Request");
            return (SdkPojo) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 60) + "...(" + text.length() + " chars)";
    }

    private static Map<String, Map<String, Map<String, String>>> constraints() {
        Map<String, Map<String, Map<String, String>>> byShape = new HashMap<>();
        for (String resource : List.of("constraints.tsv", "constraints-supplement.tsv")) {
            try (InputStream in = Operation.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] columns = line.split("\t");
                    Map<String, String> attributes = new HashMap<>();
                    for (int i = 2; i < columns.length; i++) {
                        String[] kv = columns[i].split("=", 2);
                        attributes.put(kv[0], kv.length == 2 ? kv[1] : "");
                    }
                    byShape.computeIfAbsent(columns[0], s -> new HashMap<>()).put(columns[1], attributes);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return byShape;
    }
}
