package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Cross-account use (KMS Developer Guide, "Allowing users in other accounts to use a KMS key"): the
 * key policy of the key's account A must allow account B (or its principal), and B's own IAM policy
 * must allow its principal too ("Neither the key policy nor the IAM policy is sufficient"); B's root
 * needs no IAM policy. B names A's key by key ARN: a bare key id or alias name is looked up in B's
 * own account.
 */
class CrossAccountTest {
    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final Credential A_ROOT = root(A);
    private static final Credential B_ROOT = root(B);
    private static final Credential B_READER = role(B, "reader",
            policy(allow("arn:aws:kms:us-east-1:" + A + ":key/*", "kms:Decrypt")));
    private static final Credential B_NO_POLICY = role(B, "no-policy");
    /** Named in A's key policy by its own ARN, but without an IAM policy in B. */
    private static final Credential B_NAMED = role(B, "named");

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(A_ROOT, B_ROOT, B_READER, B_NO_POLICY, B_NAMED);

    private static KeyMetadata shared;
    private static KeyMetadata unshared;
    private static byte[] sharedBlob;
    private static byte[] unsharedBlob;

    @BeforeAll
    static void accountACreatesTwoKeys() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"),
                statement("Allow", rootArn(B), "kms:Decrypt", "kms:DescribeKey"),
                statement("Allow", B_NAMED.principal(), "kms:Decrypt"));
        shared = trent.as(A_ROOT).createKey(b -> b.description("shared with B").policy(keyPolicy)).keyMetadata();
        unshared = trent.as(A_ROOT).createKey(b -> b.description("A's only")).keyMetadata();
        trent.as(A_ROOT).createAlias(b -> b.aliasName("alias/shared").targetKeyId(shared.keyId()));
        sharedBlob = encrypt(shared);
        unsharedBlob = encrypt(unshared);
    }

    private static byte[] encrypt(KeyMetadata key) {
        return trent.as(A_ROOT).encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("from A")))
                .ciphertextBlob().asByteArray();
    }

    private static String decrypt(Credential who, byte[] blob, String keyId) {
        return trent.as(who).decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)).keyId(keyId))
                .plaintext().asUtf8String();
    }

    @Test
    void aRoleOfBAllowedByBothSidesDecryptsByKeyArn() {
        assertThat(decrypt(B_READER, sharedBlob, shared.arn())).isEqualTo("from A");
    }

    @Test
    void aRoleOfBAllowedByBothSidesDecryptsWithTheKeyNamedByTheCiphertext() {
        assertThat(decrypt(B_READER, sharedBlob, null)).isEqualTo("from A");
    }

    @Test
    void theRootOfBNeedsNoIamPolicy() {
        assertThat(decrypt(B_ROOT, sharedBlob, shared.arn())).isEqualTo("from A");
        assertThat(decrypt(B_ROOT, sharedBlob, null)).isEqualTo("from A");
        assertThat(trent.as(B_ROOT).describeKey(b -> b.keyId(shared.arn())).keyMetadata().awsAccountId()).isEqualTo(A);
    }

    @Test
    void refusedWhenTheKeyPolicyOfADoesNotAllowB() {
        assertAccessDenied(() -> decrypt(B_READER, unsharedBlob, unshared.arn()),
                denied(B_READER.principal(), "kms:Decrypt", unshared.arn(), noResourcePolicy("kms:Decrypt")));
        assertAccessDenied(() -> decrypt(B_READER, unsharedBlob, null),
                denied(B_READER.principal(), "kms:Decrypt", unshared.arn(), noResourcePolicy("kms:Decrypt")));
        assertAccessDenied(() -> decrypt(B_ROOT, unsharedBlob, unshared.arn()),
                denied(rootArn(B), "kms:Decrypt", unshared.arn(), noResourcePolicy("kms:Decrypt")));
    }

    @Test
    void refusedWhenTheIamPolicyOfBIsMissing() {
        assertAccessDenied(() -> decrypt(B_NO_POLICY, sharedBlob, shared.arn()),
                denied(B_NO_POLICY.principal(), "kms:Decrypt", shared.arn(), noIdentityPolicy("kms:Decrypt")));
        assertAccessDenied(() -> decrypt(B_NO_POLICY, sharedBlob, null),
                denied(B_NO_POLICY.principal(), "kms:Decrypt", shared.arn(), noIdentityPolicy("kms:Decrypt")));
    }

    @Test
    void aRoleOfBNamedInTheKeyPolicyStillNeedsItsOwnIamPolicy() {
        assertAccessDenied(() -> decrypt(B_NAMED, sharedBlob, shared.arn()),
                denied(B_NAMED.principal(), "kms:Decrypt", shared.arn(), noIdentityPolicy("kms:Decrypt")));
    }

    @Test
    void anActionTheKeyPolicyDoesNotGiveBIsRefusedEvenToItsRoot() {
        assertAccessDenied(() -> trent.as(B_ROOT).encrypt(b -> b.keyId(shared.arn())
                .plaintext(SdkBytes.fromUtf8String("x"))),
                denied(rootArn(B), "kms:Encrypt", shared.arn(), noResourcePolicy("kms:Encrypt")));
        assertAccessDenied(() -> trent.as(B_READER).describeKey(b -> b.keyId(shared.arn())),
                denied(B_READER.principal(), "kms:DescribeKey", shared.arn(), noIdentityPolicy("kms:DescribeKey")));
    }

    @Test
    void aBareKeyIdOrAliasNameOfAIsLookedUpInB() {
        assertAwsError(() -> decrypt(B_ROOT, sharedBlob, shared.keyId()), NotFoundException.class, "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:" + B + ":key/" + shared.keyId() + "' does not exist");
        assertAwsError(() -> trent.as(B_ROOT).describeKey(b -> b.keyId(shared.keyId())), NotFoundException.class,
                "NotFoundException", "Key 'arn:aws:kms:us-east-1:" + B + ":key/" + shared.keyId() + "' does not exist");
        assertAwsError(() -> trent.as(B_ROOT).describeKey(b -> b.keyId("alias/shared")), NotFoundException.class,
                "NotFoundException", "Alias arn:aws:kms:us-east-1:" + B + ":alias/shared is not found.");
    }

    @Test
    void aGrantToARoleOfBServesItWithoutAnyPolicy() {
        byte[] blob = encrypt(unshared);
        String grantId = trent.as(A_ROOT).createGrant(b -> b.keyId(unshared.keyId())
                .granteePrincipal(B_NO_POLICY.principal()).operations(GrantOperation.DECRYPT)).grantId();
        try {
            assertThat(decrypt(B_NO_POLICY, blob, unshared.arn())).isEqualTo("from A");
            assertThat(decrypt(B_NO_POLICY, blob, null)).isEqualTo("from A");
            assertAccessDenied(() -> decrypt(B_READER, blob, unshared.arn()),
                    denied(B_READER.principal(), "kms:Decrypt", unshared.arn(), noResourcePolicy("kms:Decrypt")));
        } finally {
            trent.as(A_ROOT).revokeGrant(b -> b.keyId(unshared.keyId()).grantId(grantId));
        }
        assertAccessDenied(() -> decrypt(B_NO_POLICY, blob, unshared.arn()),
                denied(B_NO_POLICY.principal(), "kms:Decrypt", unshared.arn(), noResourcePolicy("kms:Decrypt")));
    }

    @Test
    void theAliasArnOfANamesItsKey() {
        String aliasArn = "arn:aws:kms:us-east-1:" + A + ":alias/shared";

        assertThat(trent.as(B_ROOT).describeKey(b -> b.keyId(aliasArn)).keyMetadata().arn()).isEqualTo(shared.arn());
    }
}
