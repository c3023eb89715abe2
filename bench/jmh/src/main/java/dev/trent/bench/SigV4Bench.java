package dev.trent.bench;

import dev.trent.auth.AuthRequest;
import dev.trent.auth.Caller;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import dev.trent.auth.SigV4Verifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Verifying an Encrypt request of 1 KB plaintext signed by the AWS SDK's own SigV4 signer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigV4Bench {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Credential ROOT = Credential.of("AKIDBENCH", "bench-secret", Fixtures.ACCOUNT);

    private final SigV4Verifier verifier = new SigV4Verifier(Credentials.of(List.of(ROOT)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private AuthRequest request;

    @Setup
    public void setup() {
        String body = "{\"KeyId\":\"" + Fixtures.KEY_ARN + "\",\"Plaintext\":\""
                + Base64.getEncoder().encodeToString(Fixtures.bytes(1024)) + "\"}";
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ROOT.accessKey(), ROOT.secretKey()))
                .request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                        .uri(URI.create("http://localhost:6767/"))
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", "TrentService.Encrypt").build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)))
                .request();
        Map<String, List<String>> headers = new TreeMap<>();
        signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        request = new AuthRequest("POST", "/", headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        verifier.authenticate(request); // fails the run at once if the fixture does not verify
    }

    @Benchmark
    public Caller verify() {
        return verifier.authenticate(request);
    }
}
