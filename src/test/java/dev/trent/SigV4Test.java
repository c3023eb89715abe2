package dev.trent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Trent with {@code --credentials}: requests signed by the unmodified AWS SDK pass and act as their
 * credential's account; requests crafted by hand get AWS's error for each way a signature can fail.
 */
class SigV4Test {
    private static final String ACCOUNT = "111122223333";
    private static final String SESSION_ACCOUNT = "444455556666";
    private static final Credential ROOT = Credential.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ACCOUNT);
    private static final Credential SESSION = new Credential("ASIAIOSFODNN7EXAMPLE", "session-secret", SESSION_ACCOUNT,
            "the-session-token", "arn:aws:sts::444455556666:assumed-role/auditor/s",
            List.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\","
                    + "\"Resource\":\"*\"}]}"));
    private static final String LIST_KEYS = "{}";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Trent trent;
    private static URI endpoint;
    private Duration moved = Duration.ZERO;

    @BeforeAll
    static void start() {
        // Trent's clock stands still (but for the tests' moves), so that messages naming "now" are exact;
        // the SDK clients sign with the real time, a few seconds away at most.
        trent = new Trent(Config.defaults().withPort(0).withClock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
                .withCredentials(Credentials.of(List.of(ROOT, SESSION))).withAdminToken("test-admin-token")).start();
        endpoint = trent.endpoint();
    }

    @AfterAll
    static void stop() {
        trent.close();
    }

    @AfterEach
    void putTheClockBack() {
        trent.clock().advance(moved.negated());
    }

    private void moveClock(Duration by) {
        trent.clock().advance(by);
        moved = moved.plus(by);
    }

    @Test
    void theSdkSignsAndActsAsTheCredentialsAccount() {
        try (KmsClient kms = client(AwsBasicCredentials.create(ROOT.accessKey(), ROOT.secretKey()), "eu-west-1")) {
            String keyId = kms.createKey(b -> b.description("signed")).keyMetadata().keyId();

            KeyMetadata key = kms.describeKey(b -> b.keyId(keyId)).keyMetadata();

            assertThat(key.arn()).isEqualTo("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + keyId);
            assertThat(key.awsAccountId()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void theSdkSignsWithASessionToken() {
        try (KmsClient kms = client(AwsSessionCredentials.create(SESSION.accessKey(), SESSION.secretKey(),
                SESSION.sessionToken()), "us-west-2")) {
            String arn = kms.createKey(b -> b.description("session")).keyMetadata().arn();

            assertThat(arn).startsWith("arn:aws:kms:us-west-2:" + SESSION_ACCOUNT + ":key/");
        }
    }

    @Test
    void aRequestSignedByHandWithTheSdkSignerPasses() throws Exception {
        HttpResponse<String> response = send(signed(ROOT, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("Keys")).isTrue();
    }

    @Test
    void aRequestWithoutContentHashSignedByTheSdksEarlierSignerPasses() throws Exception {
        // As botocore and so the AWS CLI sign: no x-amz-content-sha256.
        SdkHttpRequest request = legacySigned(AwsBasicCredentials.create(ROOT.accessKey(), ROOT.secretKey()), LIST_KEYS);
        assertThat(request.firstMatchingHeader("Authorization").orElseThrow()).doesNotContain("x-amz-content-sha256");

        HttpResponse<String> response = send(request, LIST_KEYS);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void noSignatureIsAMissingAuthenticationToken() throws Exception {
        SdkHttpRequest unsigned = unsignedRequest().build();

        assertAuthError(send(unsigned, LIST_KEYS), "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void anUnknownAccessKeyIsUnrecognized() throws Exception {
        Credential stranger = Credential.of("AKIASTRANGER", ROOT.secretKey(), ACCOUNT);

        assertAuthError(send(signed(stranger, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() throws Exception {
        Credential wrong = Credential.of(ROOT.accessKey(), "not-the-secret", ACCOUNT);

        assertAuthError(send(signed(wrong, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS),
                "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", now(), "{\"Limit\":10}");

        assertAuthError(send(request, "{\"Limit\":11}"), "InvalidSignatureException", SIGNATURE_MISMATCH);
    }

    @Test
    void aSignatureOlderThanFiveMinutesHasExpired() throws Exception {
        Instant signedAt = now();
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", signedAt, LIST_KEYS);
        moveClock(Duration.ofMinutes(5).plusSeconds(1));
        Instant trentNow = now();

        assertAuthError(send(request, LIST_KEYS), "InvalidSignatureException", "Signature expired: "
                + BASIC.format(signedAt) + " is now earlier than " + BASIC.format(trentNow.minusSeconds(300))
                + " (" + BASIC.format(trentNow) + " - 5 min.)");
    }

    @Test
    void aSignatureWithinFiveMinutesStillPasses() throws Exception {
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", now(), LIST_KEYS);
        moveClock(Duration.ofMinutes(4));

        assertThat(send(request, LIST_KEYS).statusCode()).isEqualTo(200);
    }

    @Test
    void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() throws Exception {
        Instant signedAt = now();
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", signedAt, LIST_KEYS);
        moveClock(Duration.ofMinutes(-6));
        Instant trentNow = now();

        assertAuthError(send(request, LIST_KEYS), "InvalidSignatureException", "Signature not yet current: "
                + BASIC.format(signedAt) + " is still later than " + BASIC.format(trentNow.plusSeconds(300))
                + " (" + BASIC.format(trentNow) + " + 5 min.)");
    }

    @Test
    void aScopeOfAnotherServiceIsRefused() throws Exception {
        assertAuthError(send(signed(ROOT, "us-east-1", "s3", now(), LIST_KEYS), LIST_KEYS),
                "InvalidSignatureException", "Credential should be scoped to correct service: 'kms'. ");
    }

    @Test
    void aScopeOfNoRegionIsRefused() throws Exception {
        assertAuthError(send(signed(ROOT, "moon", "kms", now(), LIST_KEYS), LIST_KEYS),
                "InvalidSignatureException", "Credential should be scoped to a valid region. ");
    }

    @Test
    void aScopeDatedAnotherDayIsRefused() throws Exception {
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", now(), LIST_KEYS);
        String date = request.firstMatchingHeader("X-Amz-Date").orElseThrow();
        String authorization = request.firstMatchingHeader("Authorization").orElseThrow()
                .replace("/" + date.substring(0, 8) + "/", "/20200101/");

        assertAuthError(send(request.toBuilder().putHeader("Authorization", authorization).build(), LIST_KEYS),
                "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                        + "of date from HTTP: '20200101' != '" + date.substring(0, 8) + "', from '" + date + "'.");
    }

    @Test
    void hostMustBeSigned() throws Exception {
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", now(), LIST_KEYS);
        String authorization = request.firstMatchingHeader("Authorization").orElseThrow().replace(";host;", ";");

        assertAuthError(send(request.toBuilder().putHeader("Authorization", authorization).build(), LIST_KEYS),
                "InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void xAmzDateMustBeSigned() throws Exception {
        SdkHttpRequest request = signed(ROOT, "us-east-1", "kms", now(), LIST_KEYS);
        String authorization = request.firstMatchingHeader("Authorization").orElseThrow().replace(";x-amz-date;", ";");

        assertAuthError(send(request.toBuilder().putHeader("Authorization", authorization).build(), LIST_KEYS),
                "InvalidSignatureException", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void anAuthorizationWithoutItsPartsIsIncomplete() throws Exception {
        String authorization = "AWS4-HMAC-SHA256 Credential=" + ROOT.accessKey() + "/20260101/us-east-1/kms/aws4_request";
        SdkHttpRequest request = unsignedRequest().putHeader("X-Amz-Date", BASIC.format(now()))
                .putHeader("Authorization", authorization).build();

        assertAuthError(send(request, LIST_KEYS), "IncompleteSignatureException", "Authorization header requires "
                + "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization="
                + authorization);
    }

    @Test
    void aSessionCredentialWithoutItsTokenIsUnrecognized() throws Exception {
        Credential withoutToken = Credential.of(SESSION.accessKey(), SESSION.secretKey(), SESSION_ACCOUNT);

        assertAuthError(send(signed(withoutToken, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void aSessionCredentialWithAnotherTokenIsUnrecognized() throws Exception {
        Credential wrongToken = new Credential(SESSION.accessKey(), SESSION.secretKey(), SESSION_ACCOUNT, "stolen",
                null, List.of());

        assertAuthError(send(signed(wrongToken, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void aLongTermCredentialWithATokenIsUnrecognized() throws Exception {
        Credential withToken = new Credential(ROOT.accessKey(), ROOT.secretKey(), ACCOUNT, "made-up", null, List.of());

        assertAuthError(send(signed(withToken, "us-east-1", "kms", now(), LIST_KEYS), LIST_KEYS),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    private static Instant now() {
        return trent.clock().instant();
    }

    private static KmsClient client(AwsCredentials credentials, String region) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    private static SdkHttpRequest.Builder unsignedRequest() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.ListKeys");
    }

    /** Signed by the SDK's signer as the SDK's KMS client signs, at the given time. */
    private static SdkHttpRequest signed(Credential credential, String region, String service, Instant at, String body) {
        AwsCredentialsIdentity identity = credential.sessionToken() == null
                ? AwsCredentialsIdentity.create(credential.accessKey(), credential.secretKey())
                : AwsSessionCredentialsIdentity.create(credential.accessKey(), credential.secretKey(),
                        credential.sessionToken());
        return AwsV4HttpSigner.create().sign(r -> r.identity(identity)
                .request(unsignedRequest().build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request();
    }

    @SuppressWarnings("deprecation")
    private static SdkHttpRequest legacySigned(AwsCredentials credentials, String body) {
        SdkHttpFullRequest request = ((SdkHttpFullRequest.Builder) unsignedRequest())
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(body)).build();
        return Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(credentials)
                .signingName("kms")
                .signingRegion(Region.US_EAST_1)
                .signingClockOverride(Clock.fixed(now(), ZoneOffset.UTC))
                .build());
    }

    /** Sends the request's headers (Host as the JDK's client writes it: the same) with this body. */
    private static HttpResponse<String> send(SdkHttpRequest request, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        request.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAuthError(HttpResponse<String> response, String type, String message) throws IOException {
        assertThat(response.statusCode()).as("HTTP status of %s", type).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).as("__type").isEqualTo(type);
        assertThat(body.path("message").asText()).as("message of %s", type).isEqualTo(message);
    }
}
