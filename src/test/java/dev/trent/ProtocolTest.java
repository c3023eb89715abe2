package dev.trent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsRequest;

/** AWS JSON 1.1 as AWS KMS speaks it, checked on the wire with a plain HTTP client. */
class ProtocolTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final HttpClient HTTP = HttpClient.newHttpClient();


    private static HttpResponse<String> post(String target, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(trent.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String operation, String body) throws IOException, InterruptedException {
        return post("TrentService." + operation, "application/x-amz-json-1.1", body);
    }

    /** The 56 operations of the API, named from the SDK's client interface (one method per operation, besides paginators). */
    static Stream<String> apiOperations() {
        return Arrays.stream(KmsClient.class.getMethods())
                .filter(m -> m.getParameterCount() == 1 && KmsRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
                .map(Method::getName)
                .filter(name -> !name.endsWith("Paginator"))
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .distinct();
    }

    @Test
    void theSdkKnowsFiftySixOperations() {
        assertThat(apiOperations()).hasSize(56);
    }

    @Test
    void successCarriesContentTypeAndRequestId() throws Exception {
        HttpResponse<String> response = call("CreateKey", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.body()).startsWith("{\"KeyMetadata\":{").contains("\"KeyState\":\"Enabled\"");
    }

    @Test
    void timestampsAreEpochSecondsAndBlobsBase64() throws Exception {
        String body = call("CreateKey", "{}").body();
        assertThat(body).containsPattern("\"CreationDate\":1\\d{9}\\.\\d{3}[,}]");

        String random = call("GenerateRandom", "{\"NumberOfBytes\":32}").body();
        String plaintext = random.replaceAll(".*\"Plaintext\":\"([^\"]+)\".*", "$1");
        assertThat(java.util.Base64.getDecoder().decode(plaintext)).hasSize(32);
    }

    @Test
    void errorsCarryRequestIdAndContentType() throws Exception {
        HttpResponse<String> response = call("DescribeKey", "{\"KeyId\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body())
                .isEqualTo("{\"__type\":\"NotFoundException\",\"message\":\"Invalid keyId 'nope'\"}");
    }

    @Test
    void unknownOperation() throws Exception {
        HttpResponse<String> response = call("MakeCoffee", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ListKeys", "KMS.ListKeys", "TrentService.", "TrentService.listKeys"})
    void missingOrMalformedTargetIsAnUnknownOperation(String target) throws Exception {
        HttpResponse<String> response = post(target.isEmpty() ? null : target, "application/x-amz-json-1.1", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void otherContentTypesAreNotKmsRequests() throws Exception {
        HttpResponse<String> response = post("TrentService.ListKeys", "text/plain", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void getIsNotAKmsRequest() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(trent.endpoint())
                .header("X-Amz-Target", "TrentService.ListKeys").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"Limit\":}", "{} {}", "[]", "\"text\"", "42"})
    void bodiesThatAreNotAJsonObjectAreSerializationErrors(String body) throws Exception {
        HttpResponse<String> response = call("ListKeys", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"__type\":\"SerializationException\",\"message\":\"");
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() throws Exception {
        HttpResponse<String> response = call("ListKeys", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"Truncated\":false");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"KeyId\": 5}",
        "{\"KeyId\": true}",
        "{\"KeyId\": {}}",
        "{\"KeyId\": []}",
        "{\"Limit\": \"5\"}",
        "{\"Limit\": 1.5}",
        "{\"Limit\": 99999999999}"})
    void aValueOfTheWrongJsonTypeIsASerializationError(String body) throws Exception {
        HttpResponse<String> response = call("ListAliases", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"__type\":\"SerializationException\"");
    }

    @Test
    void wrongTypesInsideStructuresListsAndMapsAreSerializationErrors() throws Exception {
        for (String body : List.of(
                "{\"Tags\": {}}",
                "{\"Tags\": [5]}",
                "{\"Tags\": [{\"TagKey\": 1, \"TagValue\": \"v\"}]}",
                "{\"MultiRegion\": \"yes\"}")) {
            assertThat(call("CreateKey", body).body()).as(body).startsWith("{\"__type\":\"SerializationException\"");
        }
        String keyId = keyId();
        assertThat(call("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"AA==\",\"EncryptionContext\":{\"a\":1}}")
                .body()).startsWith("{\"__type\":\"SerializationException\"");
    }

    @Test
    void invalidBase64IsASerializationError() throws Exception {
        HttpResponse<String> response = call("Encrypt", "{\"KeyId\":\"" + keyId() + "\",\"Plaintext\":\"not base64!\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"__type\":\"SerializationException\"");
    }

    @Test
    void nullsAndUnknownMembersAreIgnored() throws Exception {
        HttpResponse<String> response = call("ListKeys", "{\"Limit\": null, \"Whatever\": {\"deep\": [1, {\"x\": null}]}}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void constraintViolationsAreValidationErrorsInAwsWords() throws Exception {
        HttpResponse<String> response = call("Encrypt", "{\"KeyId\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"2 validation errors "
                + "detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than "
                + "or equal to 1; Value null at 'plaintext' failed to satisfy constraint: Member must not be null\"}");
    }

    @Test
    void patternAndRangeViolations() throws Exception {
        assertThat(call("CreateAlias", "{\"AliasName\":\"alias/has space\",\"TargetKeyId\":\"" + keyId() + "\"}").body())
                .isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: Value "
                        + "'alias/has space' at 'aliasName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: ^[a-zA-Z0-9:/_-]+$\"}");
        assertThat(call("ListKeys", "{\"Limit\":0}").body())
                .isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: Value '0' "
                        + "at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1\"}");
    }

    @Test
    void unknownEnumValuesAreValidationErrors() throws Exception {
        String body = call("GenerateDataKey", "{\"KeyId\":\"" + keyId() + "\",\"KeySpec\":\"AES_512\"}").body();

        assertThat(body).isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: "
                + "Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[AES_256, AES_128]\"}");
    }

    @ParameterizedTest
    @MethodSource("apiOperations")
    void everyOperationIsImplemented(String operation) throws Exception {
        HttpResponse<String> response = call(operation, "{}");

        assertThat(response.body()).doesNotContain("Trent does not support");
    }

    @ParameterizedTest
    @MethodSource("apiOperations")
    void noOperationAnswersAnEmptyRequestWithAServerError(String operation) throws Exception {
        HttpResponse<String> response = call(operation, "{}");

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws Exception {
        try (Socket socket = new Socket(trent.endpoint().getHost(), trent.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                out.write(rawRequest("HTTP/1.1", "").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                skipResponse(in);
            }
        }
    }

    @Test
    void closesTheConnectionWhenTheClientAsks() throws Exception {
        try (Socket socket = new Socket(trent.endpoint().getHost(), trent.endpoint().getPort())) {
            socket.getOutputStream().write(rawRequest("HTTP/1.1", "Connection: close\r\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            skipResponse(in);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private static String rawRequest(String version, String extraHeaders) {
        String body = "{}";
        return "POST / " + version + "\r\nHost: localhost\r\nX-Amz-Target: TrentService.ListKeys\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length() + "\r\n"
                + extraHeaders + "\r\n" + body;
    }

    /** Reads the rest of one response: headers, then a body of Content-Length characters. */
    private static void skipResponse(BufferedReader in) throws IOException {
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        assertThat(new String(body)).contains("\"Truncated\"");
    }

    private static String keyId() throws Exception {
        return call("CreateKey", "{}").body().replaceAll(".*\"KeyId\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void theEndpointIsWhatClientsAreGiven() {
        assertThat(trent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + trent.trent().port()));
    }
}
