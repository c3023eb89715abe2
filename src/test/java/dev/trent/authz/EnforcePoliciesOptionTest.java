package dev.trent.authz;

import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.KmsClients;
import dev.trent.support.TrentProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * The command line: {@code --credentials} enforces policies unless {@code --enforce-policies=false};
 * {@code --enforce-policies} enforces them without credentials too. Uses examples/credentials.json,
 * whose second access key is the role {@code app} of 111122223333 that may only Encrypt, Decrypt and
 * GenerateDataKey.
 */
class EnforcePoliciesOptionTest {
    private static final String EXAMPLE = TrentProcess.arg(Path.of("examples", "credentials.json"));
    private static final String APP = "arn:aws:iam::111122223333:role/app";
    private static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";

    private static KmsClient app(URI endpoint) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void credentialsEnforcePoliciesByDefault() {
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--credentials", EXAMPLE,
                "--admin-token", "test-admin-token");
                KmsClient app = app(trent.endpoint())) {
            assertAccessDenied(() -> app.createKey(b -> b.description("not allowed")),
                    denied(APP, "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
        }
    }

    @Test
    void enforcePoliciesFalseKeepsTheSignaturesButNotThePolicies() {
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--credentials", EXAMPLE,
                "--admin-token", "test-admin-token", "--enforce-policies=false");
                KmsClient app = app(trent.endpoint());
                KmsClient unsigned = KmsClients.client(trent.endpoint(), "111122223333", "us-east-1")) {
            String keyId = app.createKey(b -> b.description("allowed now")).keyMetadata().keyId();
            app.disableKey(b -> b.keyId(keyId));

            assertThat(app.describeKey(b -> b.keyId(keyId)).keyMetadata().enabled()).isFalse();
            assertAwsError(unsigned::listKeys, software.amazon.awssdk.services.kms.model.KmsException.class,
                    "UnrecognizedClientException", "The security token included in the request is invalid.");
        }
    }

    @Test
    void enforcePoliciesWithoutCredentialsRunsTheLockoutCheck() {
        String appOnly = policy(statement("Allow", APP, "kms:Encrypt"));
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--enforce-policies");
                KmsClient root = KmsClients.client(trent.endpoint(), "111122223333", "us-east-1")) {
            assertAwsError(() -> root.createKey(b -> b.policy(appOnly)), MalformedPolicyDocumentException.class,
                    "MalformedPolicyDocumentException", LOCKOUT);
            assertThat(root.createKey(b -> b.policy(appOnly).bypassPolicyLockoutSafetyCheck(true)).keyMetadata()
                    .keyId()).isNotEmpty();
        }
    }
}
