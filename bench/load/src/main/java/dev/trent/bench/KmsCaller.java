package dev.trent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain one-at-a-time signed calls for the set-up before a timed run (keys, ciphertexts, signatures). */
final class KmsCaller {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNSETTABLE = Set.of("host", "content-length", "connection");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RequestSigner signer;

    KmsCaller(RequestSigner signer) {
        this.signer = signer;
    }

    JsonNode call(String operation, Object request) {
        try {
            byte[] body = JSON.writeValueAsBytes(request);
            HttpRequest.Builder builder = HttpRequest.newBuilder(signer.endpoint().resolve("/"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : signer.signedHeaders(operation, body).entrySet()) {
                if (!UNSETTABLE.contains(header.getKey().toLowerCase())) {
                    for (String value : header.getValue()) {
                        builder.header(header.getKey(), value);
                    }
                }
            }
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(operation + " during set-up: HTTP " + response.statusCode()
                        + " " + new String(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(operation + " during set-up failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String createKey(String keySpec, String keyUsage) {
        String keyId = call("CreateKey", Map.of("KeySpec", keySpec, "KeyUsage", keyUsage, "Description", "bench"))
                .path("KeyMetadata").path("KeyId").asText();
        if (keyId.isEmpty()) {
            throw new IllegalStateException("CreateKey during set-up returned no KeyMetadata.KeyId");
        }
        return keyId;
    }
}
