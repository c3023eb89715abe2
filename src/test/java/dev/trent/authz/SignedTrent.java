package dev.trent.authz;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A real Trent started with {@code --credentials} (these principals), for a test class, and AWS SDK
 * clients that sign their requests (SigV4) as one of them. Register with
 * {@code @RegisterExtension static final SignedTrent trent = new SignedTrent(ALICE, BOB);}.
 */
final class SignedTrent implements BeforeAllCallback, AfterAllCallback {
    static final String REGION = "us-east-1";

    private final List<Credential> credentials;
    private final UnaryOperator<Config> configure;
    private final Map<Credential, KmsClient> clients = new HashMap<>();
    private Trent trent;

    SignedTrent(Credential... credentials) {
        this(config -> config, credentials);
    }

    /** With more settings ({@code withEnforcePolicies}, ...) on top of the credentials. */
    SignedTrent(UnaryOperator<Config> configure, Credential... credentials) {
        this.credentials = List.of(credentials);
        this.configure = configure;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        trent = new Trent(configure.apply(Config.defaults().withPort(0)
                .withCredentials(Credentials.of(credentials)).withAdminToken("test-admin-token"))).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            clients.values().forEach(KmsClient::close);
        } finally {
            trent.close();
        }
    }

    Trent trent() {
        return trent;
    }

    /** The class's client signing as this principal in {@link #REGION}; closed after the class. */
    synchronized KmsClient as(Credential credential) {
        return clients.computeIfAbsent(credential, c -> client(trent, c));
    }

    /** A new client signing with this credential (which Trent need not know); the caller closes it. */
    static KmsClient client(Trent trent, Credential credential) {
        AwsCredentials keys = credential.sessionToken() == null
                ? AwsBasicCredentials.create(credential.accessKey(), credential.secretKey())
                : AwsSessionCredentials.create(credential.accessKey(), credential.secretKey(), credential.sessionToken());
        return KmsClient.builder()
                .endpointOverride(trent.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    // ---- principals ------------------------------------------------------------------------------

    private static int serial;

    private static synchronized String accessKey(String prefix) {
        serial++;
        return String.format("%s%016d", prefix, serial);
    }

    /** The account's root, with no identity policy (it needs none). */
    static Credential root(String account) {
        return Credential.of(accessKey("AKIA"), "root-secret-" + account, account);
    }

    /** A role of the account with these IAM identity policies (JSON documents). */
    static Credential role(String account, String name, String... policies) {
        return new Credential(accessKey("AKIA"), "secret-" + name, account, null, roleArn(account, name),
                Arrays.asList(policies));
    }

    /** An IAM user of the account with these IAM identity policies. */
    static Credential user(String account, String name, String... policies) {
        return new Credential(accessKey("AKIA"), "secret-" + name, account, null,
                "arn:aws:iam::" + account + ":user/" + name, Arrays.asList(policies));
    }

    /** A session of the role (temporary credentials with a session token), with the role's policies. */
    static Credential session(Credential role, String sessionName) {
        String roleName = role.principal().substring(role.principal().indexOf(":role/") + 6);
        return new Credential(accessKey("ASIA"), "session-secret-" + sessionName, role.accountId(),
                "token-" + sessionName, "arn:aws:sts::" + role.accountId() + ":assumed-role/" + roleName + "/"
                        + sessionName, role.policies());
    }

    static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    // ---- policies --------------------------------------------------------------------------------

    /** An IAM policy document of these statements (JSON objects). */
    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** An Allow statement for an identity policy: the actions on the resource. */
    static String allow(String resource, String... actions) {
        return "{\"Effect\":\"Allow\",\"Action\":" + list(actions) + ",\"Resource\":\"" + resource + "\"}";
    }

    /** A Deny statement for an identity policy. */
    static String deny(String resource, String... actions) {
        return "{\"Effect\":\"Deny\",\"Action\":" + list(actions) + ",\"Resource\":\"" + resource + "\"}";
    }

    /** A key policy statement: Effect for the AWS principal (an ARN or "*"), the actions, on "*". */
    static String statement(String effect, String principal, String... actions) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":"
                + list(actions) + ",\"Resource\":\"*\"}";
    }

    /** As {@link #statement}, with a Condition block (JSON object text). */
    static String conditional(String effect, String principal, String condition, String... actions) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":"
                + list(actions) + ",\"Resource\":\"*\",\"Condition\":" + condition + "}";
    }

    static String list(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("\"" + value + "\"");
        }
        return "[" + String.join(",", quoted) + "]";
    }

    /** AWS's AccessDeniedException message (see the issue): principal, action, resource and why. */
    static String denied(String principal, String action, String resource, String why) {
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource + " "
                + why;
    }

    static String noIdentityPolicy(String action) {
        return "because no identity-based policy allows the " + action + " action";
    }

    static String noResourcePolicy(String action) {
        return "because no resource-based policy allows the " + action + " action";
    }

    static final String EXPLICIT_DENY_RESOURCE = "with an explicit deny in a resource-based policy";
    static final String EXPLICIT_DENY_IDENTITY = "with an explicit deny in an identity-based policy";
}
