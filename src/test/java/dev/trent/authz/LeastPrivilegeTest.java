package dev.trent.authz;

import static dev.trent.authz.SignedTrent.EXPLICIT_DENY_IDENTITY;
import static dev.trent.authz.SignedTrent.EXPLICIT_DENY_RESOURCE;
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
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * A least-privilege key policy (KMS Developer Guide, "Key policies": "Allows key administrators" and
 * "Allows key users" statements, no statement for the account): each role may do its part by the key
 * policy alone, without any IAM policy, and nothing of the other's; the account's root, not named,
 * may do nothing. An explicit Deny, in the key policy or in an IAM policy, wins over every Allow.
 */
class LeastPrivilegeTest {
    private static final String A = "111122223333";
    private static final Credential ROOT = root(A);
    /** May create keys by IAM policy; what it may do with the key, the key policy says. */
    private static final Credential ADMIN = role(A, "key-admin", policy(allow("*", "kms:CreateKey")));
    private static final Credential APP = role(A, "app");
    /** Everything by IAM policy, but Decrypt denied there. */
    private static final Credential AUDITOR = role(A, "auditor",
            policy(allow("*", "kms:*"), deny("*", "kms:Decrypt")));

    private static final String[] ADMIN_ACTIONS = {"kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*",
        "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
        "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"};
    private static final String[] USER_ACTIONS = {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"};

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, ADMIN, APP, AUDITOR);

    private static KeyMetadata key;

    @BeforeAll
    static void theAdminCreatesTheKeyWithALeastPrivilegePolicy() {
        String keyPolicy = policy(statement("Allow", ADMIN.principal(), ADMIN_ACTIONS),
                statement("Allow", APP.principal(), USER_ACTIONS));
        key = trent.as(ADMIN).createKey(b -> b.description("least privilege").policy(keyPolicy)).keyMetadata();
    }

    @Test
    void theAppRoleEncryptsAndDecryptsWithoutAnyIamPolicy() {
        KmsClient app = trent.as(APP);
        byte[] blob = app.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("pay day")))
                .ciphertextBlob().asByteArray();

        byte[] plain = app.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext().asByteArray();
        int dataKeyLength = app.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32)).plaintext()
                .asByteArray().length;

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("pay day");
        assertThat(dataKeyLength).isEqualTo(32);
    }

    @Test
    void theAppRoleMayNotManageTheKey() {
        KmsClient app = trent.as(APP);

        assertAccessDenied(() -> app.disableKey(b -> b.keyId(key.keyId())),
                denied(APP.principal(), "kms:DisableKey", key.arn(), noResourcePolicy("kms:DisableKey")));
        assertAccessDenied(() -> app.describeKey(b -> b.keyId(key.keyId())),
                denied(APP.principal(), "kms:DescribeKey", key.arn(), noResourcePolicy("kms:DescribeKey")));
        assertAccessDenied(() -> app.scheduleKeyDeletion(b -> b.keyId(key.keyId())), denied(APP.principal(),
                "kms:ScheduleKeyDeletion", key.arn(), noResourcePolicy("kms:ScheduleKeyDeletion")));
    }

    @Test
    void theAdminManagesTheKeyWithoutAnIamPolicyForIt() {
        KmsClient admin = trent.as(ADMIN);

        admin.disableKey(b -> b.keyId(key.keyId()));
        assertThat(admin.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        admin.enableKey(b -> b.keyId(key.keyId()));
        admin.tagResource(b -> b.keyId(key.keyId()).tags(t -> t.tagKey("owner").tagValue("admin")));

        assertThat(admin.getKeyPolicy(b -> b.keyId(key.keyId())).policy()).contains(APP.principal());
        assertThat(admin.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void theAdminMayNotUseTheKey() {
        KmsClient admin = trent.as(ADMIN);

        assertAccessDenied(() -> admin.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))),
                denied(ADMIN.principal(), "kms:Encrypt", key.arn(), noResourcePolicy("kms:Encrypt")));
        assertAccessDenied(() -> admin.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(16)), denied(
                ADMIN.principal(), "kms:GenerateDataKey", key.arn(), noResourcePolicy("kms:GenerateDataKey")));
    }

    @Test
    void theRootOfTheAccountIsNotNamedAndMayDoNothing() {
        KmsClient root = trent.as(ROOT);

        assertAccessDenied(() -> root.describeKey(b -> b.keyId(key.keyId())),
                denied(rootArn(A), "kms:DescribeKey", key.arn(), noResourcePolicy("kms:DescribeKey")));
        assertAccessDenied(() -> root.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))),
                denied(rootArn(A), "kms:Encrypt", key.arn(), noResourcePolicy("kms:Encrypt")));
    }

    @Test
    void anExplicitDenyInTheKeyPolicyWinsOverEveryAllow() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"),
                statement("Allow", APP.principal(), USER_ACTIONS),
                statement("Deny", APP.principal(), "kms:Decrypt"),
                statement("Deny", "*", "kms:ScheduleKeyDeletion"));
        String keyId = trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata().keyId();
        String arn = "arn:aws:kms:us-east-1:" + A + ":key/" + keyId;
        KmsClient app = trent.as(APP);
        byte[] blob = app.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()
                .asByteArray();

        assertAccessDenied(() -> app.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))),
                denied(APP.principal(), "kms:Decrypt", arn, EXPLICIT_DENY_RESOURCE));
        assertAccessDenied(() -> trent.as(ROOT).scheduleKeyDeletion(b -> b.keyId(keyId)),
                denied(rootArn(A), "kms:ScheduleKeyDeletion", arn, EXPLICIT_DENY_RESOURCE));
        assertThat(trent.as(ROOT).decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext()
                .asUtf8String()).isEqualTo("x");
    }

    @Test
    void anExplicitDenyInAnIdentityPolicyWinsOverTheKeyPolicysAllow() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"),
                statement("Allow", AUDITOR.principal(), "kms:*"));
        String keyId = trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata().keyId();
        String arn = "arn:aws:kms:us-east-1:" + A + ":key/" + keyId;
        KmsClient auditor = trent.as(AUDITOR);
        byte[] blob = auditor.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()
                .asByteArray();

        assertAccessDenied(() -> auditor.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(blob))),
                denied(AUDITOR.principal(), "kms:Decrypt", arn, EXPLICIT_DENY_IDENTITY));
        assertThat(auditor.describeKey(b -> b.keyId(keyId)).keyMetadata().keyId()).isEqualTo(keyId);
    }
}
