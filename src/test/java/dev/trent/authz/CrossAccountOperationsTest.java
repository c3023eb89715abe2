package dev.trent.authz;

import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noResourcePolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * Which operations another account may perform at all (KMS Developer Guide, "Allowing users in other
 * accounts to use a KMS key": cross-account permission is effective only for the cryptographic
 * operations, DescribeKey, GetPublicKey, GetKeyRotationStatus and the grant operations; "if you give
 * a principal in a different account kms:ScheduleKeyDeletion permission on a KMS key in a key
 * policy, the user's attempts to call these operations on your resources still fail").
 */
class CrossAccountOperationsTest {
    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final Credential A_ROOT = root(A);
    private static final Credential B_ROOT = root(B);

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(A_ROOT, B_ROOT);

    private static KeyMetadata key;

    @BeforeAll
    static void aKeyWhosePolicyGivesBEverything() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"), statement("Allow", rootArn(B), "kms:*"));
        key = trent.as(A_ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata();
    }

    @Test
    void bMayUseTheKeyAndItsGrants() {
        KmsClient b = trent.as(B_ROOT);
        byte[] blob = b.encrypt(r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()
                .asByteArray();

        assertThat(b.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext().asUtf8String())
                .isEqualTo("x");
        assertThat(b.describeKey(r -> r.keyId(key.arn())).keyMetadata().arn()).isEqualTo(key.arn());
        assertThat(b.getKeyRotationStatus(r -> r.keyId(key.arn())).keyRotationEnabled()).isFalse();
        String grantId = b.createGrant(r -> r.keyId(key.arn()).granteePrincipal(rootArn(B))
                .operations(GrantOperation.DECRYPT)).grantId();
        assertThat(b.listGrants(r -> r.keyId(key.arn())).grants()).extracting(g -> g.grantId()).contains(grantId);
        b.revokeGrant(r -> r.keyId(key.arn()).grantId(grantId));
    }

    @Test
    void bMayNotManageTheKeyWhateverTheKeyPolicySays() {
        KmsClient b = trent.as(B_ROOT);

        assertAccessDenied(() -> b.scheduleKeyDeletion(r -> r.keyId(key.arn())),
                denied(rootArn(B), "kms:ScheduleKeyDeletion", key.arn(), noResourcePolicy("kms:ScheduleKeyDeletion")));
        assertAccessDenied(() -> b.disableKey(r -> r.keyId(key.arn())),
                denied(rootArn(B), "kms:DisableKey", key.arn(), noResourcePolicy("kms:DisableKey")));
        assertAccessDenied(() -> b.getKeyPolicy(r -> r.keyId(key.arn())),
                denied(rootArn(B), "kms:GetKeyPolicy", key.arn(), noResourcePolicy("kms:GetKeyPolicy")));
        assertAccessDenied(() -> b.tagResource(r -> r.keyId(key.arn()).tags(t -> t.tagKey("k").tagValue("v"))),
                denied(rootArn(B), "kms:TagResource", key.arn(), noResourcePolicy("kms:TagResource")));

        KeyMetadata after = trent.as(A_ROOT).describeKey(r -> r.keyId(key.keyId())).keyMetadata();
        assertThat(after.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(trent.as(A_ROOT).listResourceTags(r -> r.keyId(key.keyId())).tags()).isEmpty();
    }
}
