package dev.trent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
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
 * Trent's own SigV4 computation against the AWS SDK's two signers, the reference: over many
 * requests of the form clients send it must agree with them to the character, and every request it
 * declines goes to them.
 */
class CanonicalSignatureTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String[] REGIONS = {"us-east-1", "eu-central-2", "cn-north-1", "us-gov-west-1"};
    private static final String[] HOSTS = {"127.0.0.1:6767", "localhost", "kms.example.com:80", "[::1]:4566"};
    private static final String[] ODD_VALUES = {"a  b", "  padded  ", "x,y", "ünïcödé", "", "a   b   c", "\"quoted\""};

    @Test
    void agreesWithTheSdksSignersOverManyRequests() {
        Random random = new Random(42);
        int compared = 0;
        for (int i = 0; i < 400; i++) {
            String region = REGIONS[random.nextInt(REGIONS.length)];
            Instant time = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(86_400 * 365));
            byte[] body = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(5000)];
            random.nextBytes(body);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Host", List.of(HOSTS[random.nextInt(HOSTS.length)]));
            headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
            headers.put("X-Amz-Target", List.of("TrentService.Encrypt"));
            if (random.nextBoolean()) {
                headers.put("X-Custom-Odd", List.of(ODD_VALUES[random.nextInt(ODD_VALUES.length)]));
            }
            if (random.nextBoolean()) {
                headers.put("X-Custom-Many", List.of("one", " two ", "three  3"));
            }
            boolean session = random.nextBoolean();
            boolean currentSigner = random.nextBoolean();
            AuthRequest request = sign(headers, body, region, time, session, currentSigner);

            String expected = parameter(request.header("authorization"), "Signature");
            Optional<String> ours = CanonicalSignature.of(request, signedHeaders(request), SECRET,
                    request.header("x-amz-date"), region, "kms");

            assertThat(ours).as("request %d: %s", i, request.headers()).contains(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(400);
    }

    @Test
    void leavesUnusualRequestsToTheSdksSigners() {
        AuthRequest request = sign(new LinkedHashMap<>(Map.of("Host", List.of("localhost"))), new byte[10],
                "us-east-1", Instant.parse("2026-03-01T10:00:00Z"), false, true);
        List<String> signed = signedHeaders(request);
        String date = request.header("x-amz-date");

        AuthRequest otherPath = new AuthRequest("POST", "/other", request.headers(), request.body());
        AuthRequest get = new AuthRequest("GET", "/", request.headers(), request.body());
        List<String> unsorted = new ArrayList<>(signed);
        java.util.Collections.reverse(unsorted);
        List<String> absent = new ArrayList<>(signed);
        absent.add("x-not-sent");
        Map<String, List<String>> tab = new LinkedHashMap<>(request.headers());
        tab.put("host", List.of("local\thost"));
        Map<String, List<String>> wrongHash = new LinkedHashMap<>(request.headers());
        wrongHash.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));

        assertThat(CanonicalSignature.of(otherPath, signed, SECRET, date, "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(get, signed, SECRET, date, "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(request, unsorted, SECRET, date, "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(request, absent, SECRET, date, "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(new AuthRequest("POST", "/", tab, request.body()), signed, SECRET, date,
                "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(new AuthRequest("POST", "/", wrongHash, request.body()), signed, SECRET, date,
                "us-east-1", "kms")).isEmpty();
        assertThat(CanonicalSignature.of(request, signed, SECRET, date, "us-east-1", "kms"))
                .contains(parameter(request.header("authorization"), "Signature"));
    }

    @Test
    void theVerifierStillAcceptsWhatItLeavesToTheSdk() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost"));
        headers.put("X-Odd", List.of("tab\there"));
        AuthRequest request = sign(headers, "{}".getBytes(), "us-east-1", now, false, true);
        SigV4Verifier verifier = new SigV4Verifier(Credentials.of(List.of(Credential.of("AKIDEXAMPLE", SECRET,
                "111122223333"))), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(verifier.authenticate(request).scope().account()).isEqualTo("111122223333");
    }

    private static AuthRequest sign(Map<String, List<String>> headers, byte[] body, String region, Instant time,
            boolean session, boolean currentSigner) {
        SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + headers.get("Host").get(0) + "/"));
        headers.forEach(http::putHeader);
        Clock clock = Clock.fixed(time, ZoneOffset.UTC);
        SdkHttpRequest signed;
        if (currentSigner) {
            AwsCredentialsIdentity identity = session
                    ? AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", SECRET, "session-token")
                    : AwsCredentialsIdentity.create("AKIDEXAMPLE", SECRET);
            signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(http.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        } else {
            signed = legacySign(http, body, region, clock, session);
        }
        Map<String, List<String>> received = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT), values));
        return new AuthRequest("POST", "/", received, body);
    }

    @SuppressWarnings("deprecation")
    private static SdkHttpRequest legacySign(SdkHttpFullRequest.Builder http, byte[] body, String region, Clock clock,
            boolean session) {
        return Aws4Signer.create().sign(http.contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build(),
                Aws4SignerParams.builder()
                        .awsCredentials(session ? AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, "session-token")
                                : AwsBasicCredentials.create("AKIDEXAMPLE", SECRET))
                        .signingName("kms").signingRegion(Region.of(region)).signingClockOverride(clock).build());
    }

    private static List<String> signedHeaders(AuthRequest request) {
        return Arrays.asList(parameter(request.header("authorization"), "SignedHeaders").split(";"));
    }

    private static String parameter(String authorization, String name) {
        for (String part : authorization.split("[ ,]+")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + authorization);
    }
}
