package dev.trent.authz;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;

/**
 * A Trent with {@code --credentials} (so policies are enforced) for the condition key tests, and the
 * SDK clients of its principals, each signing with its own access key:
 * <ul>
 * <li>{@link #root}: the root of {@link #ACCOUNT}, which needs no IAM policy of its own;
 * <li>{@link #alice}, {@link #bob}: roles of the account whose IAM policies allow {@code kms:*};
 * <li>{@link #carol}: a session of the role {@code carol}, IAM policy {@code kms:*};
 * <li>{@link #other}: the root of {@link #OTHER_ACCOUNT};
 * <li>{@link #rootIn(String)}: the root in another Region;
 * <li>{@link #role(int)}: role {@code case-N}, with the IAM policy a test gave for it before the start.
 * </ul>
 */
final class ConditionKeys implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String REGION = "us-east-1";
    static final String ROOT_ARN = "arn:aws:iam::" + ACCOUNT + ":root";
    static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":role/alice";
    static final String BOB = "arn:aws:iam::" + ACCOUNT + ":role/bob";
    static final String CAROL_SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/carol/carol-session";
    private static final String SECRET = "test-secret-key";
    private static final String KMS_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private final Trent trent;
    private final List<KmsClient> clients = new ArrayList<>();
    private Duration moved = Duration.ZERO;
    final KmsClient root;
    final KmsClient alice;
    final KmsClient bob;
    final KmsClient carol;
    final KmsClient other;

    /** @param rolePolicies the IAM policy of role {@code case-N}, by N */
    ConditionKeys(List<String> rolePolicies) {
        List<Credential> credentials = new ArrayList<>(List.of(
                Credential.of("AKIAROOT", SECRET, ACCOUNT),
                new Credential("AKIAALICE", SECRET, ACCOUNT, null, ALICE, List.of(KMS_ALL)),
                new Credential("AKIABOB", SECRET, ACCOUNT, null, BOB, List.of(KMS_ALL)),
                new Credential("AKIACAROL", SECRET, ACCOUNT, null, CAROL_SESSION, List.of(KMS_ALL)),
                Credential.of("AKIAOTHER", SECRET, OTHER_ACCOUNT)));
        for (int i = 0; i < rolePolicies.size(); i++) {
            credentials.add(new Credential("AKIACASE" + i, SECRET, ACCOUNT, null, roleArn(i),
                    List.of(rolePolicies.get(i))));
        }
        trent = new Trent(Config.defaults().withPort(0).withCredentials(Credentials.of(credentials))
                .withAdminToken("test-admin-token")).start();
        root = client("AKIAROOT", REGION);
        alice = client("AKIAALICE", REGION);
        bob = client("AKIABOB", REGION);
        carol = client("AKIACAROL", REGION);
        other = client("AKIAOTHER", REGION);
    }

    static String roleArn(int n) {
        return "arn:aws:iam::" + ACCOUNT + ":role/case-" + n;
    }

    KmsClient role(int n) {
        return client("AKIACASE" + n, REGION);
    }

    KmsClient rootIn(String region) {
        return client("AKIAROOT", region);
    }

    private KmsClient client(String accessKey, String region) {
        KmsClient client = KmsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
        clients.add(client);
        return client;
    }

    URI endpoint() {
        return trent.endpoint();
    }

    /** A key of the root's with this key policy, made as {@code spec} says. */
    String newKey(String policy, Consumer<CreateKeyRequest.Builder> spec) {
        return root.createKey(b -> {
            b.policy(policy).bypassPolicyLockoutSafetyCheck(true);
            spec.accept(b);
        }).keyMetadata().keyId();
    }

    /** Moves Trent's clock, less than SigV4's five minutes of allowed skew; {@link #putTheClockBack} undoes it. */
    void advance(Duration by) {
        trent.clock().advance(by);
        moved = moved.plus(by);
    }

    Instant now() {
        return trent.clock().instant();
    }

    void putTheClockBack() {
        trent.clock().advance(moved.negated());
        moved = Duration.ZERO;
    }

    @Override
    public void close() {
        clients.forEach(KmsClient::close);
        trent.close();
    }
}
