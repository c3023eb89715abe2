package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.user;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.Scope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * The default key policy (KMS Developer Guide, "Default key policy"): it allows the account, so the
 * account's root may do everything and every other principal of the account exactly what its IAM
 * policies allow; a principal with no policy may do nothing, not even CreateKey or ListKeys.
 */
class DefaultKeyPolicyTest {
    private static final String A = "111122223333";
    private static final Credential ROOT = root(A);
    private static final Credential APP = role(A, "app",
            policy(allow("arn:aws:kms:*:" + A + ":key/*", "kms:Encrypt", "kms:Decrypt")));
    private static final Credential NOBODY = user(A, "nobody");

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, APP, NOBODY);

    private static KeyMetadata key;

    @BeforeAll
    static void rootCreatesAKeyWithTheDefaultPolicy() {
        key = trent.as(ROOT).createKey(b -> b.description("default policy")).keyMetadata();
    }

    @Test
    void theKeyHasTheDefaultPolicyNamingTheAccount() {
        String policy = trent.as(ROOT).getKeyPolicy(b -> b.keyId(key.keyId())).policy();

        assertThat(policy).isEqualTo(DefaultKeyPolicy.forScope(new Scope(A, SignedTrent.REGION)));
    }

    @Test
    void theRootMayDoEverything() {
        KmsClient kms = trent.as(ROOT);
        String other = kms.createKey(b -> b.description("root's second")).keyMetadata().keyId();

        byte[] blob = kms.encrypt(b -> b.keyId(other).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()
                .asByteArray();
        kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)));
        kms.disableKey(b -> b.keyId(other));
        kms.enableKey(b -> b.keyId(other));
        kms.tagResource(b -> b.keyId(other).tags(t -> t.tagKey("team").tagValue("a")));
        kms.putKeyPolicy(b -> b.keyId(other).policy(DefaultKeyPolicy.forScope(new Scope(A, SignedTrent.REGION))));
        assertThat(kms.listKeys().keys()).extracting(k -> k.keyId()).contains(key.keyId(), other);
        kms.scheduleKeyDeletion(b -> b.keyId(other).pendingWindowInDays(7));

        assertThat(kms.describeKey(b -> b.keyId(other)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_DELETION);
    }

    @Test
    void aRoleWithAnIdentityPolicyMayEncryptAndDecrypt() {
        KmsClient app = trent.as(APP);
        byte[] blob = app.encrypt(b -> b.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("secret")))
                .ciphertextBlob().asByteArray();

        byte[] plain = app.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext().asByteArray();

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    /** DryRun checks permissions (API Reference, "DryRun"): refused when the request would be. */
    @Test
    void aDryRunIsAuthorizedAsTheRequestWouldBe() {
        KmsClient app = trent.as(APP);

        assertAwsError(() -> app.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x")).dryRun(true)),
                software.amazon.awssdk.services.kms.model.DryRunOperationException.class, "DryRunOperationException");
        assertAccessDenied(() -> app.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32).dryRun(true)),
                denied(APP.principal(), "kms:GenerateDataKey", key.arn(), noIdentityPolicy("kms:GenerateDataKey")));
    }

    @Test
    void theRoleMayDoNothingElse() {
        KmsClient app = trent.as(APP);
        String role = APP.principal();

        assertAccessDenied(() -> app.describeKey(b -> b.keyId(key.keyId())), denied(role, "kms:DescribeKey", key.arn(), noIdentityPolicy("kms:DescribeKey")));
        assertAccessDenied(() -> app.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32)), denied(role, "kms:GenerateDataKey", key.arn(), noIdentityPolicy("kms:GenerateDataKey")));
        assertAccessDenied(() -> app.disableKey(b -> b.keyId(key.keyId())), denied(role, "kms:DisableKey", key.arn(), noIdentityPolicy("kms:DisableKey")));
        assertAccessDenied(() -> app.createKey(b -> b.description("no")), denied(role, "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
        assertThat(trent.as(ROOT).describeKey(b -> b.keyId(key.keyId())).keyMetadata().enabled()).isTrue();
    }

    @Test
    void aPrincipalWithNoPolicyIsRefusedEverything() {
        KmsClient nobody = trent.as(NOBODY);
        String user = NOBODY.principal();

        assertAccessDenied(() -> nobody.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))), denied(user, "kms:Encrypt", key.arn(), noIdentityPolicy("kms:Encrypt")));
        assertAccessDenied(() -> nobody.createKey(b -> b.description("no")), denied(user, "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
        assertAccessDenied(() -> nobody.listKeys(), denied(user, "kms:ListKeys", "*", noIdentityPolicy("kms:ListKeys")));
        assertAccessDenied(() -> nobody.listAliases(), denied(user, "kms:ListAliases", "*", noIdentityPolicy("kms:ListAliases")));
        assertAccessDenied(() -> nobody.generateRandom(b -> b.numberOfBytes(8)), denied(user, "kms:GenerateRandom", "*", noIdentityPolicy("kms:GenerateRandom")));
    }

    /**
     * An AWS managed key's own policy (KMS Developer Guide, "AWS managed keys"): the account may read
     * its metadata, but only its service (kms:ViaService) may use it, even the account's root.
     */
    @Test
    void anAwsManagedKeyIsUsedOnlyThroughItsService() {
        KeyMetadata managed = trent.as(ROOT).describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();

        assertAccessDenied(() -> trent.as(ROOT).encrypt(b -> b.keyId("alias/aws/s3")
                .plaintext(SdkBytes.fromUtf8String("x"))),
                denied(ROOT.principalIn(SignedTrent.REGION), "kms:Encrypt", managed.arn(),
                        "because no resource-based policy allows the kms:Encrypt action"));
        assertAccessDenied(() -> trent.as(APP).encrypt(b -> b.keyId(managed.keyId())
                .plaintext(SdkBytes.fromUtf8String("x"))),
                denied(APP.principal(), "kms:Encrypt", managed.arn(),
                        "because no resource-based policy allows the kms:Encrypt action"));
    }

    @Test
    void anUnknownKeyIsNotFoundEvenForAPrincipalWithNoPolicy() {
        String missing = "11111111-2222-3333-4444-555555555555";

        assertAwsError(() -> trent.as(NOBODY).describeKey(b -> b.keyId(missing)),
                software.amazon.awssdk.services.kms.model.NotFoundException.class, "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:" + A + ":key/" + missing + "' does not exist");
    }
}
