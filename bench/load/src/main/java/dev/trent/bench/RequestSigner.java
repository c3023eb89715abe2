package dev.trent.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs KMS JSON 1.1 requests with the AWS SDK's own SigV4 signer and renders each as the raw
 * bytes of one HTTP/1.1 request, so that the timed loop only writes bytes.
 */
final class RequestSigner {
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final URI endpoint;
    private final AwsCredentialsIdentity identity;
    private final String region;

    RequestSigner(URI endpoint, String accessKey, String secretKey, String region) {
        this.endpoint = endpoint;
        this.identity = AwsCredentialsIdentity.create(accessKey, secretKey);
        this.region = region;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The signed headers (Host, X-Amz-Date, Authorization, ...) for one request. */
    Map<String, List<String>> signedHeaders(String operation, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return signed.request().headers();
    }

    /** One signed request as it goes on the wire, keep-alive. */
    byte[] rawRequest(String operation, byte[] body) {
        StringBuilder head = new StringBuilder(512).append("POST / HTTP/1.1\r\n");
        boolean host = false;
        for (Map.Entry<String, List<String>> header : signedHeaders(operation, body).entrySet()) {
            host |= header.getKey().equalsIgnoreCase("Host");
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        if (!host) {
            head.append("Host: ").append(endpoint.getAuthority()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: keep-alive\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, raw, 0, headBytes.length);
        System.arraycopy(body, 0, raw, headBytes.length, body.length);
        return raw;
    }
}
