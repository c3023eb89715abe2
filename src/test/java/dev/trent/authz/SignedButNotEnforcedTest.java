package dev.trent.authz;

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
import dev.trent.auth.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * {@code --credentials} with {@code --enforce-policies=false} ({@code Config.withEnforcePolicies(false)}):
 * signatures are still verified, but policies are not enforced: each account may do anything with its
 * own keys and nothing with another's, whatever the key policy says, and there is no lockout check.
 */
class SignedButNotEnforcedTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    /** Lets only a role of A use the key; nobody may change the policy again. */
    static final String APP_ONLY = policy(statement("Allow", SignedTrent.roleArn(A, "app"), "kms:Encrypt"));

    private static final Credential A_ROOT = root(A);
    private static final Credential NO_POLICY = role(A, "no-policy");
    private static final Credential B_ROOT = root(B);

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(config -> config.withEnforcePolicies(false),
            A_ROOT, NO_POLICY, B_ROOT);

    @Test
    void signaturesAreStillVerified() {
        Credential wrongSecret = Credential.of(A_ROOT.accessKey(), "not-the-secret", A);
        try (KmsClient forged = SignedTrent.client(trent.trent(), wrongSecret)) {
            assertAwsError(forged::listKeys, KmsException.class, "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. Check your "
                            + "AWS Secret Access Key and signing method. Consult the service documentation for "
                            + "details.");
        }
    }

    @Test
    void aPrincipalWithNoPolicyMayDoAnythingWithItsAccountsKeys() {
        KmsClient kms = trent.as(NO_POLICY);
        String keyId = kms.createKey(b -> b.policy(APP_ONLY)).keyMetadata().keyId();

        kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
        kms.disableKey(b -> b.keyId(keyId));

        assertThat(kms.listKeys().keys()).extracting(k -> k.keyId()).contains(keyId);
    }

    @Test
    void anotherAccountMayDoNothingWhateverTheKeyPolicySays() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"), statement("Allow", rootArn(B), "kms:*"));
        String arn = trent.as(A_ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata().arn();

        assertAccessDenied(() -> trent.as(B_ROOT).encrypt(b -> b.keyId(arn).plaintext(SdkBytes.fromUtf8String("x"))),
                denied(rootArn(B), "kms:Encrypt", arn, noResourcePolicy("kms:Encrypt")));
    }
}
