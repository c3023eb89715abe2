package dev.trent.authz;

import static dev.trent.authz.SignedTrent.conditional;
import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.policy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.rootArn;
import static dev.trent.authz.SignedTrent.statement;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Key policies conditioned on the encryption context (KMS Developer Guide, "kms:EncryptionContext:
 * context-key" and "kms:EncryptionContextKeys"): Encrypt and Decrypt only with the right context.
 */
class EncryptionContextPolicyTest {
    private static final String A = "111122223333";
    private static final Credential ROOT = root(A);
    private static final Credential BILLING = role(A, "billing");
    private static final Credential TEAMS = role(A, "teams");
    private static final Credential LOOSE = role(A, "loose");

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, BILLING, TEAMS, LOOSE);

    private static KeyMetadata key;

    @BeforeAll
    static void createTheKey() {
        String keyPolicy = policy(statement("Allow", rootArn(A), "kms:*"),
                conditional("Allow", BILLING.principal(),
                        "{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"billing\"}}",
                        "kms:Encrypt", "kms:Decrypt"),
                // AWS's advice: ForAllValues alone also matches a request with no context; Null requires one
                conditional("Allow", TEAMS.principal(),
                        "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Purpose\",\"Team\"]},"
                                + "\"Null\":{\"kms:EncryptionContextKeys\":\"false\"}}",
                        "kms:Encrypt", "kms:Decrypt"),
                conditional("Allow", LOOSE.principal(),
                        "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Purpose\",\"Team\"]}}",
                        "kms:Encrypt"));
        key = trent.as(ROOT).createKey(b -> b.policy(keyPolicy)).keyMetadata();
    }

    private static byte[] encrypt(Credential who, Map<String, String> context) {
        return trent.as(who).encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("invoice"))
                .encryptionContext(context)).ciphertextBlob().asByteArray();
    }

    private static String decrypt(Credential who, byte[] blob, Map<String, String> context) {
        return trent.as(who).decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(context))
                .plaintext().asUtf8String();
    }

    /**
     * The key policy allows the account (its first statement), so what is missing for a role whose own
     * statement's condition fails is an IAM policy of the role.
     */
    private static String refused(Credential who, String action) {
        return denied(who.principal(), action, key.arn(), noIdentityPolicy(action));
    }

    @Test
    void theRightContextEncryptsAndDecrypts() {
        byte[] blob = encrypt(BILLING, Map.of("Purpose", "billing", "Invoice", "42"));

        assertThat(decrypt(BILLING, blob, Map.of("Purpose", "billing", "Invoice", "42"))).isEqualTo("invoice");
    }

    @Test
    void aWrongOrMissingContextIsRefused() {
        assertAccessDenied(() -> encrypt(BILLING, Map.of("Purpose", "payroll")), refused(BILLING, "kms:Encrypt"));
        assertAccessDenied(() -> encrypt(BILLING, Map.of()), refused(BILLING, "kms:Encrypt"));
        assertAccessDenied(() -> encrypt(BILLING, Map.of("purpose", "BILLING")), refused(BILLING, "kms:Encrypt"));

        byte[] blob = encrypt(BILLING, Map.of("Purpose", "billing"));
        assertAccessDenied(() -> decrypt(BILLING, blob, Map.of()), refused(BILLING, "kms:Decrypt"));
        assertAccessDenied(() -> decrypt(BILLING, blob, Map.of("Purpose", "payroll")), refused(BILLING, "kms:Decrypt"));
    }

    @Test
    void thePolicyAllowsButTheCiphertextStillNeedsItsOwnContext() {
        byte[] blob = encrypt(BILLING, Map.of("Purpose", "billing"));

        assertAwsError(() -> decrypt(BILLING, blob, Map.of("Purpose", "billing", "Invoice", "7")),
                InvalidCiphertextException.class, "InvalidCiphertextException");
    }

    @Test
    void forAllValuesAllowsOnlyTheListedContextKeys() {
        byte[] one = encrypt(TEAMS, Map.of("Purpose", "x"));
        byte[] both = encrypt(TEAMS, Map.of("Purpose", "x", "Team", "y"));

        assertThat(decrypt(TEAMS, one, Map.of("Purpose", "x"))).isEqualTo("invoice");
        assertThat(decrypt(TEAMS, both, Map.of("Team", "y", "Purpose", "x"))).isEqualTo("invoice");
        assertAccessDenied(() -> encrypt(TEAMS, Map.of("Purpose", "x", "Other", "z")), refused(TEAMS, "kms:Encrypt"));
        assertAccessDenied(() -> encrypt(TEAMS, Map.of()), refused(TEAMS, "kms:Encrypt"));
    }

    @Test
    void forAllValuesWithoutNullAlsoAllowsNoContextAsAwsWarns() {
        assertThat(encrypt(LOOSE, Map.of())).isNotEmpty();
        assertThat(encrypt(LOOSE, Map.of("Team", "t"))).isNotEmpty();
        assertAccessDenied(() -> encrypt(LOOSE, Map.of("Other", "z")), refused(LOOSE, "kms:Encrypt"));
    }

    @Test
    void anotherRolesConditionDoesNotServeThisOne() {
        KmsClient loose = trent.as(LOOSE);
        byte[] blob = encrypt(LOOSE, Map.of("Purpose", "billing"));

        assertAccessDenied(() -> loose.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))
                .encryptionContext(Map.of("Purpose", "billing"))), refused(LOOSE, "kms:Decrypt"));
    }
}
