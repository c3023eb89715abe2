package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.deny;
import static dev.trent.authz.SignedTrent.noResourcePolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.Scope;
import dev.trent.support.TrentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * AWS's policy lockout safety check (KMS Developer Guide, "Default key policy": "the policy lockout
 * safety check"): CreateKey and PutKeyPolicy refuse a key policy under which the caller could not
 * change the key policy again, unless BypassPolicyLockoutSafetyCheck is true; and the 32 KB key
 * policy quota.
 */
class LockoutTest {
    private static final String A = "111122223333";
    private static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";
    private static final Credential ROOT = root(A);
    private static final Credential ADMIN = role(A, "admin", policy(allow("*", "kms:*")));
    private static final Credential NO_PUT = role(A, "no-put", policy(allow("*", "kms:*"), deny("*", "kms:PutKeyPolicy")));
    private static final Credential APP = role(A, "app");

    /** Only the app role may use the key: nobody may ever change its policy. */
    private static final String APP_ONLY = policy(statement("Allow", APP.principal(), "kms:Encrypt", "kms:Decrypt"));
    private static final String ACCOUNT = DefaultKeyPolicy.forScope(new Scope(A, SignedTrent.REGION));

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, ADMIN, NO_PUT, APP);

    @RegisterExtension
    static final TrentServer unenforced = new TrentServer();

    private static String arn(String keyId) {
        return "arn:aws:kms:us-east-1:" + A + ":key/" + keyId;
    }

    @Test
    void createKeyRefusesAPolicyThatLocksTheCallerOut() {
        int before = trent.as(ROOT).listKeys().keys().size();

        assertAwsError(() -> trent.as(ROOT).createKey(b -> b.policy(APP_ONLY)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);
        assertAwsError(() -> trent.as(ADMIN).createKey(b -> b.policy(APP_ONLY)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);

        assertThat(trent.as(ROOT).listKeys().keys()).hasSize(before);
    }

    @Test
    void createKeyTakesAPolicyThatLetsTheCallerChangeItAgain() {
        KeyMetadata byRoot = trent.as(ROOT).createKey(b -> b.policy(ACCOUNT)).keyMetadata();
        KeyMetadata byAdmin = trent.as(ADMIN).createKey(b -> b.policy(ACCOUNT)).keyMetadata();
        KeyMetadata named = trent.as(ADMIN).createKey(b -> b.policy(policy(statement("Allow", ADMIN.principal(),
                "kms:PutKeyPolicy")))).keyMetadata();

        assertThat(trent.as(ADMIN).getKeyPolicy(b -> b.keyId(byRoot.keyId())).policy()).isEqualTo(ACCOUNT);
        assertThat(trent.as(ROOT).getKeyPolicy(b -> b.keyId(byAdmin.keyId())).policy()).isEqualTo(ACCOUNT);
        assertThat(named.keyId()).isNotEmpty();
    }

    @Test
    void anIdentityPolicyDenyingPutKeyPolicyFailsTheCheckToo() {
        assertAwsError(() -> trent.as(NO_PUT).createKey(b -> b.policy(ACCOUNT)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);
    }

    @Test
    void aKeyPolicyDenyingPutKeyPolicyToEveryoneFailsIt() {
        String denyAll = policy(statement("Allow", rootArn(A), "kms:*"), statement("Deny", "*", "kms:PutKeyPolicy"));

        assertAwsError(() -> trent.as(ROOT).createKey(b -> b.policy(denyAll)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);
    }

    @Test
    void theBypassCreatesTheKeyAndTheCallerIsThenLockedOut() {
        String keyId = trent.as(ROOT).createKey(b -> b.policy(APP_ONLY).bypassPolicyLockoutSafetyCheck(true))
                .keyMetadata().keyId();

        assertAccessDenied(() -> trent.as(ROOT).putKeyPolicy(b -> b.keyId(keyId).policy(ACCOUNT)),
                denied(rootArn(A), "kms:PutKeyPolicy", arn(keyId), noResourcePolicy("kms:PutKeyPolicy")));
    }

    @Test
    void putKeyPolicyRefusesAPolicyThatLocksTheCallerOutAndKeepsTheOldOne() {
        String keyId = trent.as(ROOT).createKey(b -> b.description("to lock")).keyMetadata().keyId();

        assertAwsError(() -> trent.as(ROOT).putKeyPolicy(b -> b.keyId(keyId).policy(APP_ONLY)),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocumentException", LOCKOUT);
        assertAwsError(() -> trent.as(ROOT).putKeyPolicy(b -> b.keyId(keyId).policy(APP_ONLY)
                .bypassPolicyLockoutSafetyCheck(false)), MalformedPolicyDocumentException.class,
                "MalformedPolicyDocumentException", LOCKOUT);

        assertThat(trent.as(ROOT).getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(ACCOUNT);
    }

    @Test
    void putKeyPolicyWithTheBypassLocksTheCallerOut() {
        String keyId = trent.as(ROOT).createKey(b -> b.description("locked")).keyMetadata().keyId();

        trent.as(ROOT).putKeyPolicy(b -> b.keyId(keyId).policy(APP_ONLY).bypassPolicyLockoutSafetyCheck(true));

        assertAccessDenied(() -> trent.as(ROOT).getKeyPolicy(b -> b.keyId(keyId)),
                denied(rootArn(A), "kms:GetKeyPolicy", arn(keyId), noResourcePolicy("kms:GetKeyPolicy")));
    }

    @Test
    void withoutEnforcedPoliciesThereIsNoLockoutCheck() {
        KmsClient kms = unenforced.kms();
        String keyId = kms.createKey(b -> b.policy(APP_ONLY)).keyMetadata().keyId();
        String other = kms.createKey(b -> b.description("x")).keyMetadata().keyId();

        kms.putKeyPolicy(b -> b.keyId(other).policy(APP_ONLY));

        assertThat(kms.getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(APP_ONLY);
        assertThat(kms.getKeyPolicy(b -> b.keyId(other)).policy()).isEqualTo(APP_ONLY);
    }

    @Test
    void aKeyPolicyOver32KilobytesIsAQuotaError() {
        String padding = "x".repeat(33_000);
        String big = policy("{\"Sid\":\"" + padding + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + rootArn(A)
                + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        String keyId = trent.as(ROOT).createKey(b -> b.description("quota")).keyMetadata().keyId();
        String quota = "The key policy size quota is 32 kilobytes (32768 bytes).";

        assertAwsError(() -> trent.as(ROOT).createKey(b -> b.policy(big)), LimitExceededException.class,
                "LimitExceededException", quota);
        assertAwsError(() -> trent.as(ROOT).putKeyPolicy(b -> b.keyId(keyId).policy(big)), LimitExceededException.class,
                "LimitExceededException", quota);
        assertThat(trent.as(ROOT).getKeyPolicy(b -> b.keyId(keyId)).policy()).isEqualTo(ACCOUNT);
    }
}
