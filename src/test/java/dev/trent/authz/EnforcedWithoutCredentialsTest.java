package dev.trent.authz;

import static dev.trent.authz.SignedTrent.EXPLICIT_DENY_RESOURCE;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noResourcePolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.support.KmsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * {@code --enforce-policies} without {@code --credentials} ({@code Config.withEnforcePolicies(true)}):
 * policies are enforced, every caller the root of its access key's account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnforcedWithoutCredentialsTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";
    /** Lets only a role of A use the key; nobody may change the policy again. */
    static final String APP_ONLY = policy(statement("Allow", SignedTrent.roleArn(A, "app"), "kms:Encrypt"));

    private Trent trent;
    private KmsClient a;
    private KmsClient b;

    @BeforeAll
    void start() {
        trent = new Trent(Config.defaults().withPort(0).withEnforcePolicies(true)).start();
        a = KmsClients.client(trent.endpoint(), A, SignedTrent.REGION);
        b = KmsClients.client(trent.endpoint(), B, SignedTrent.REGION);
    }

    @AfterAll
    void stop() {
        try {
            a.close();
            b.close();
        } finally {
            trent.close();
        }
    }

    @Test
    void everyCallerIsItsAccountsRootSoItMayDoAnythingTheDefaultPolicyAllows() {
        String keyId = a.createKey(r -> r.description("default policy")).keyMetadata().keyId();

        a.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
        a.scheduleKeyDeletion(r -> r.keyId(keyId));

        assertThat(a.listKeys().keys()).extracting(k -> k.keyId()).contains(keyId);
    }

    @Test
    void theLockoutCheckApplies() {
        assertAwsError(() -> a.createKey(r -> r.policy(APP_ONLY)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);
    }

    @Test
    void theKeyPolicyDecides() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"), statement("Deny", "*", "kms:Decrypt"),
                statement("Allow", rootArn(B), "kms:Encrypt"));
        String arn = a.createKey(r -> r.policy(keyPolicy)).keyMetadata().arn();
        String defaultArn = a.createKey(r -> r.description("A's only")).keyMetadata().arn();
        byte[] blob = a.encrypt(r -> r.keyId(arn).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()
                .asByteArray();

        assertAccessDenied(() -> a.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))),
                denied(rootArn(A), "kms:Decrypt", arn, EXPLICIT_DENY_RESOURCE));
        assertThat(b.encrypt(r -> r.keyId(arn).plaintext(SdkBytes.fromUtf8String("y"))).keyId()).isEqualTo(arn);
        assertAccessDenied(() -> b.encrypt(r -> r.keyId(defaultArn).plaintext(SdkBytes.fromUtf8String("y"))),
                denied(rootArn(B), "kms:Encrypt", defaultArn, noResourcePolicy("kms:Encrypt")));
    }
}
