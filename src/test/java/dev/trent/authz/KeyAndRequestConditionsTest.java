package dev.trent.authz;

import static dev.trent.authz.SignedTrent.allow;
import static dev.trent.authz.SignedTrent.conditional;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.noResourcePolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Condition keys a request and its key supply, end to end (KMS Developer Guide, "AWS KMS condition
 * keys"): kms:RequestAlias, kms:ResourceAliases, kms:CallerAccount with a Principal of "*",
 * aws:ResourceTag, aws:RequestTag with kms:KeySpec on CreateKey, and ReEncrypt's two actions.
 */
class KeyAndRequestConditionsTest {
    private static final String A = "111122223333";
    private static final String B = "444455556666";
    private static final Credential ROOT = root(A);
    private static final Credential USER = role(A, "user");
    private static final Credential B_ROOT = root(B);
    private static final Credential TAGGED = role(A, "tagged", policy(
            "{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/Project\":\"alpha\"}}}"));
    private static final Credential CREATOR = role(A, "creator", policy(
            "{\"Effect\":\"Allow\",\"Action\":[\"kms:CreateKey\",\"kms:TagResource\"],\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/Team\":\"blue\","
                    + "\"kms:KeySpec\":\"SYMMETRIC_DEFAULT\"}}}"));
    private static final Credential REENCRYPTER = role(A, "reencrypter",
            policy(allow("*", "kms:Encrypt", "kms:ReEncryptFrom")));

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, USER, B_ROOT, TAGGED, CREATOR, REENCRYPTER);

    private static String createKey(String keyPolicy) {
        return trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata().keyId();
    }

    private static String arn(String keyId) {
        return "arn:aws:kms:us-east-1:" + A + ":key/" + keyId;
    }

    private static void encrypt(Credential who, String keyId) {
        trent.as(who).encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")));
    }

    @Test
    void requestAliasAllowsOnlyRequestsNamingTheKeyByThatAlias() {
        String keyId = createKey(policy(statement("Allow", rootArn(A), "kms:*"), conditional("Allow", USER.principal(),
                "{\"StringEquals\":{\"kms:RequestAlias\":\"alias/app-key\"}}", "kms:Encrypt")));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/app-key").targetKeyId(keyId));
        trent.as(ROOT).createAlias(b -> b.aliasName("alias/other-name").targetKeyId(keyId));

        encrypt(USER, "alias/app-key");
        encrypt(USER, "arn:aws:kms:us-east-1:" + A + ":alias/app-key");

        assertAccessDenied(() -> encrypt(USER, keyId),
                denied(USER.principal(), "kms:Encrypt", arn(keyId), noIdentityPolicy("kms:Encrypt")));
        assertAccessDenied(() -> encrypt(USER, "alias/other-name"),
                denied(USER.principal(), "kms:Encrypt", arn(keyId), noIdentityPolicy("kms:Encrypt")));
    }

    @Test
    void resourceAliasesFollowTheKeysAliases() {
        String keyId = createKey(policy(statement("Allow", rootArn(A), "kms:*"), conditional("Allow", USER.principal(),
                "{\"ForAnyValue:StringEquals\":{\"kms:ResourceAliases\":\"alias/finance\"}}", "kms:Encrypt")));

        assertAccessDenied(() -> encrypt(USER, keyId),
                denied(USER.principal(), "kms:Encrypt", arn(keyId), noIdentityPolicy("kms:Encrypt")));

        trent.as(ROOT).createAlias(b -> b.aliasName("alias/finance").targetKeyId(keyId));
        encrypt(USER, keyId);

        trent.as(ROOT).deleteAlias(b -> b.aliasName("alias/finance"));
        assertAccessDenied(() -> encrypt(USER, keyId),
                denied(USER.principal(), "kms:Encrypt", arn(keyId), noIdentityPolicy("kms:Encrypt")));
    }

    @Test
    void principalStarWithCallerAccountAllowsEveryPrincipalOfThatAccountAndNoOther() {
        String keyId = createKey(policy(statement("Allow", rootArn(A), "kms:*"), conditional("Allow", "*",
                "{\"StringEquals\":{\"kms:CallerAccount\":\"" + A + "\"}}", "kms:Encrypt", "kms:DescribeKey")));

        encrypt(USER, keyId);

        assertAccessDenied(() -> encrypt(B_ROOT, arn(keyId)),
                denied(rootArn(B), "kms:Encrypt", arn(keyId), noResourcePolicy("kms:Encrypt")));
    }

    @Test
    void resourceTagsInAnIdentityPolicy() {
        String tagged = trent.as(ROOT).createKey(b -> b.tags(t -> t.tagKey("Project").tagValue("alpha"))).keyMetadata()
                .keyId();
        String untagged = trent.as(ROOT).createKey(b -> b.description("no tags")).keyMetadata().keyId();

        encrypt(TAGGED, tagged);

        assertAccessDenied(() -> encrypt(TAGGED, untagged),
                denied(TAGGED.principal(), "kms:Encrypt", arn(untagged), noIdentityPolicy("kms:Encrypt")));
    }

    @Test
    void requestTagsAndKeySpecOnCreateKey() {
        KmsClient creator = trent.as(CREATOR);

        assertThat(creator.createKey(b -> b.tags(t -> t.tagKey("Team").tagValue("blue"))).keyMetadata().keyId())
                .isNotEmpty();
        assertAccessDenied(() -> creator.createKey(b -> b.tags(t -> t.tagKey("Team").tagValue("red"))),
                denied(CREATOR.principal(), "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
        assertAccessDenied(() -> creator.createKey(b -> b.description("untagged")),
                denied(CREATOR.principal(), "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
        assertAccessDenied(() -> creator.createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)
                .tags(t -> t.tagKey("Team").tagValue("blue"))),
                denied(CREATOR.principal(), "kms:CreateKey", "*", noIdentityPolicy("kms:CreateKey")));
    }

    @Test
    void reEncryptNeedsReEncryptFromOnTheSourceAndReEncryptToOnTheDestination() {
        String source = trent.as(ROOT).createKey(b -> b.description("source")).keyMetadata().keyId();
        String destination = trent.as(ROOT).createKey(b -> b.description("destination")).keyMetadata().keyId();
        byte[] blob = trent.as(REENCRYPTER).encrypt(b -> b.keyId(source).plaintext(SdkBytes.fromUtf8String("x")))
                .ciphertextBlob().asByteArray();

        assertAccessDenied(() -> trent.as(REENCRYPTER).reEncrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))
                .destinationKeyId(destination)),
                denied(REENCRYPTER.principal(), "kms:ReEncryptTo", arn(destination), noIdentityPolicy("kms:ReEncryptTo")));
        assertThat(trent.as(ROOT).reEncrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))
                .destinationKeyId(destination)).keyId()).isEqualTo(arn(destination));
    }

    @Test
    void encryptionContextKeyNamesInConditionKeysIgnoreCase() {
        String keyId = createKey(policy(statement("Allow", rootArn(A), "kms:*"), conditional("Allow", USER.principal(),
                "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"billing\"}}", "kms:Encrypt")));

        trent.as(USER).encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(Map.of("purpose", "billing")));

        assertAccessDenied(() -> trent.as(USER).encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(Map.of("purpose", "Billing"))),
                denied(USER.principal(), "kms:Encrypt", arn(keyId), noIdentityPolicy("kms:Encrypt")));
    }
}
