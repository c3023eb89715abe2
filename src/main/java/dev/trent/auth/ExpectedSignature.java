package dev.trent.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * The signature a request should carry, computed by the AWS SDK's own SigV4 signers over exactly
 * the headers the client signed: Trent never canonicalizes a request itself.
 */
final class ExpectedSignature {
    static final String CONTENT_SHA256 = "x-amz-content-sha256";
    static final String SECURITY_TOKEN = "x-amz-security-token";

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private ExpectedSignature() {
    }

    /**
     * @param signedHeaders the lower-case names the client listed in SignedHeaders
     * @param signingTime the request's X-Amz-Date
     * @return the hexadecimal signature, or empty when the request cannot be signed at all (a
     *     malformed Host, say): it then matches no signature
     */
    static Optional<String> of(AuthRequest request, List<String> signedHeaders, Credential credential,
            String region, String service, Instant signingTime) {
        SdkHttpFullRequest.Builder http;
        try {
            String host = Optional.ofNullable(request.header("host")).orElse("localhost");
            http = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(request.method()))
                    .uri(URI.create("http://" + host + request.path()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values != null) {
                http.putHeader(name, values);
            }
        }
        boolean tokenSigned = signedHeaders.contains(SECURITY_TOKEN) && credential.sessionToken() != null;
        Clock clock = Clock.fixed(signingTime, ZoneOffset.UTC);
        SdkHttpRequest signed = signedHeaders.contains(CONTENT_SHA256)
                ? signWithHttpSigner(http.build(), request.body(), credential, tokenSigned, region, service, clock)
                : signWithoutContentHash(http, request.body(), credential, tokenSigned, region, service, clock);
        return signed.firstMatchingHeader("Authorization").map(ExpectedSignature::signatureOf);
    }

    /** The SDK's current signer: it always signs x-amz-content-sha256, as the SDKs of today send it. */
    private static SdkHttpRequest signWithHttpSigner(SdkHttpFullRequest request, byte[] body, Credential credential,
            boolean tokenSigned, String region, String service, Clock clock) {
        AwsCredentialsIdentity identity = tokenSigned
                ? AwsSessionCredentialsIdentity.create(credential.accessKey(), credential.secretKey(),
                        credential.sessionToken())
                : AwsCredentialsIdentity.create(credential.accessKey(), credential.secretKey());
        return SIGNER.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock))
                .request();
    }

    /**
     * The SDK's earlier signer, for clients that do not sign x-amz-content-sha256 (botocore and so
     * the AWS CLI, among others), which the current signer would add to the canonical request.
     */
    @SuppressWarnings("deprecation")
    private static SdkHttpRequest signWithoutContentHash(SdkHttpFullRequest.Builder request, byte[] body,
            Credential credential, boolean tokenSigned, String region, String service, Clock clock) {
        AwsCredentials credentials = tokenSigned
                ? AwsSessionCredentials.create(credential.accessKey(), credential.secretKey(), credential.sessionToken())
                : AwsBasicCredentials.create(credential.accessKey(), credential.secretKey());
        return Aws4Signer.create().sign(request.contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build(),
                Aws4SignerParams.builder()
                        .awsCredentials(credentials)
                        .signingName(service)
                        .signingRegion(Region.of(region))
                        .signingClockOverride(clock)
                        .build());
    }

    private static String signatureOf(String authorization) {
        int at = authorization.lastIndexOf("Signature=");
        return at < 0 ? "" : authorization.substring(at + "Signature=".length()).trim();
    }
}
