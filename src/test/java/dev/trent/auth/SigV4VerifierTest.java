package dev.trent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Who a verified request acts as: the credential's account, principal and policies, the scope's region. */
class SigV4VerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private static final Credential ROOT = Credential.of("AKIDROOT", "root-secret", "111122223333");
    private static final Credential ROLE = new Credential("AKIDROLE", "role-secret", "111122223333", null,
            "arn:aws:iam::111122223333:role/app", List.of(POLICY));
    private final SigV4Verifier verifier = new SigV4Verifier(Credentials.of(List.of(ROOT, ROLE)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRootKeyActsAsItsAccountsRootInThePartitionOfTheScope() {
        Caller caller = verifier.authenticate(signed(ROOT, "cn-north-1", "{}"));

        assertThat(caller).isEqualTo(new Caller("111122223333", "cn-north-1", "AKIDROOT",
                "arn:aws-cn:iam::111122223333:root", List.of()));
    }

    @Test
    void aKeyWithAPrincipalActsAsItWithItsPolicies() {
        Caller caller = verifier.authenticate(signed(ROLE, "eu-west-1", "{}"));

        assertThat(caller.principal()).isEqualTo("arn:aws:iam::111122223333:role/app");
        assertThat(caller.identityPolicies()).containsExactly(POLICY);
        assertThat(caller.scope().region()).isEqualTo("eu-west-1");
    }

    @Test
    void theSignatureCoversTheBody() {
        AuthRequest request = signed(ROOT, "us-east-1", "{\"Limit\":1}");
        AuthRequest tampered = new AuthRequest(request.method(), request.path(), request.headers(),
                "{\"Limit\":2}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.authenticate(tampered)).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_SIGNATURE));
    }

    @Test
    void anotherAlgorithmIsUnsupported() {
        AuthRequest request = signed(ROOT, "us-east-1", "{}");
        Map<String, List<String>> headers = new TreeMap<>(request.headers());
        headers.put("authorization", List.of(request.header("authorization").replace("AWS4-HMAC-SHA256",
                "AWS4-HMAC-SHA512")));

        assertThatThrownBy(() -> verifier.authenticate(new AuthRequest("POST", "/", headers, request.body())))
                .isInstanceOf(AuthException.class)
                .hasMessage("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ");
    }

    private static AuthRequest signed(Credential credential, String region, String body) {
        SdkHttpRequest request = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credential.accessKey(), credential.secretKey()))
                .request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                        .uri(URI.create("http://localhost:6767/"))
                        .putHeader("Content-Type", "application/x-amz-json-1.1")
                        .putHeader("X-Amz-Target", "TrentService.ListKeys").build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)))
                .request();
        Map<String, List<String>> headers = new TreeMap<>();
        request.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new AuthRequest("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
