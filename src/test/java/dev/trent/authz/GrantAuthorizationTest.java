package dev.trent.authz;

import static dev.trent.authz.SignedTrent.denied;
import static dev.trent.authz.SignedTrent.noIdentityPolicy;
import static dev.trent.authz.SignedTrent.role;
import static dev.trent.authz.SignedTrent.root;
import static dev.trent.authz.SignedTrent.session;
import static dev.trent.authz.SignedTrent.user;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.auth.Credential;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Grants (KMS Developer Guide, "Grants in AWS KMS", "Grant constraints", "Retiring and revoking
 * grants"): a grant lets its grantee, which has no policy at all, perform its operations when the
 * request meets its encryption-context constraints; its token works at once; once retired or revoked
 * it allows nothing; its retiring principal may retire it; a grant to a role serves the role's
 * sessions.
 */
class GrantAuthorizationTest {
    private static final String A = "111122223333";
    private static final Credential ROOT = root(A);
    private static final Credential GRANTEE = role(A, "grantee");
    private static final Credential GRANTEE_SESSION = session(GRANTEE, "batch-job");
    private static final Credential RETIRER = role(A, "retirer");
    private static final Credential STRANGER = user(A, "stranger");

    @RegisterExtension
    static final SignedTrent trent = new SignedTrent(ROOT, GRANTEE, GRANTEE_SESSION, RETIRER, STRANGER);

    private static KeyMetadata key;

    @BeforeAll
    static void createKey() {
        key = trent.as(ROOT).createKey(b -> b.description("granted")).keyMetadata();
    }

    private static CreateGrantResponse grant(java.util.function.Consumer<
            software.amazon.awssdk.services.kms.model.CreateGrantRequest.Builder> more) {
        return trent.as(ROOT).createGrant(b -> {
            b.keyId(key.keyId()).granteePrincipal(GRANTEE.principal())
                    .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT);
            more.accept(b);
        });
    }

    private static byte[] encryptAsRoot(Map<String, String> context) {
        return trent.as(ROOT).encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("granted data"))
                .encryptionContext(context)).ciphertextBlob().asByteArray();
    }

    private static String decrypt(Credential who, byte[] blob, Map<String, String> context, String... tokens) {
        return trent.as(who).decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(context)
                .grantTokens(tokens)).plaintext().asUtf8String();
    }

    private static String refused(Credential who, String action) {
        return denied(who.principal(), action, key.arn(), noIdentityPolicy(action));
    }

    @Test
    void withoutAGrantTheRoleMayNotDecrypt() {
        byte[] blob = encryptAsRoot(Map.of("Department", "none"));

        assertAccessDenied(() -> decrypt(GRANTEE, blob, Map.of("Department", "none")), refused(GRANTEE, "kms:Decrypt"));
    }

    @Test
    void anEncryptionContextSubsetGrantAllowsOnlyAMatchingContext() {
        String grantId = grant(b -> b.constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT"))))
                .grantId();
        byte[] match = encryptAsRoot(Map.of("Department", "IT", "Project", "alpha"));
        byte[] other = encryptAsRoot(Map.of("Department", "HR"));
        byte[] none = encryptAsRoot(Map.of());
        try {
            assertThat(decrypt(GRANTEE, match, Map.of("Department", "IT", "Project", "alpha"))).isEqualTo("granted data");
            assertAccessDenied(() -> decrypt(GRANTEE, other, Map.of("Department", "HR")), refused(GRANTEE, "kms:Decrypt"));
            assertAccessDenied(() -> decrypt(GRANTEE, none, Map.of()), refused(GRANTEE, "kms:Decrypt"));
            assertThat(trent.as(GRANTEE).encrypt(b -> b.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x"))
                    .encryptionContext(Map.of("Department", "IT"))).keyId()).isEqualTo(key.arn());
            assertAccessDenied(() -> trent.as(GRANTEE).generateDataKey(b -> b.keyId(key.arn()).numberOfBytes(16)
                    .encryptionContext(Map.of("Department", "IT"))), refused(GRANTEE, "kms:GenerateDataKey"));
        } finally {
            trent.as(ROOT).revokeGrant(b -> b.keyId(key.keyId()).grantId(grantId));
        }
    }

    @Test
    void anEncryptionContextEqualsGrantAllowsOnlyThatVeryContext() {
        String grantId = grant(b -> b.constraints(c -> c.encryptionContextEquals(Map.of("Department", "IT"))))
                .grantId();
        byte[] exact = encryptAsRoot(Map.of("Department", "IT"));
        byte[] more = encryptAsRoot(Map.of("Department", "IT", "Project", "alpha"));
        try {
            assertThat(decrypt(GRANTEE, exact, Map.of("Department", "IT"))).isEqualTo("granted data");
            assertAccessDenied(() -> decrypt(GRANTEE, more, Map.of("Department", "IT", "Project", "alpha")),
                    refused(GRANTEE, "kms:Decrypt"));
        } finally {
            trent.as(ROOT).revokeGrant(b -> b.keyId(key.keyId()).grantId(grantId));
        }
    }

    @Test
    void theGrantTokenWorksAtOnceAndARevokedGrantNoLongerAllows() {
        CreateGrantResponse created = grant(b -> { });
        byte[] blob = encryptAsRoot(Map.of());

        assertThat(decrypt(GRANTEE, blob, Map.of(), created.grantToken())).isEqualTo("granted data");
        assertThat(decrypt(GRANTEE, blob, Map.of())).isEqualTo("granted data");

        trent.as(ROOT).revokeGrant(b -> b.keyId(key.keyId()).grantId(created.grantId()));

        assertAccessDenied(() -> decrypt(GRANTEE, blob, Map.of()), refused(GRANTEE, "kms:Decrypt"));
    }

    @Test
    void theRetiringPrincipalRetiresTheGrantByTokenAndThenItNoLongerAllows() {
        CreateGrantResponse created = grant(b -> b.retiringPrincipal(RETIRER.principal()));
        byte[] blob = encryptAsRoot(Map.of());
        assertThat(decrypt(GRANTEE, blob, Map.of())).isEqualTo("granted data");

        trent.as(RETIRER).retireGrant(b -> b.grantToken(created.grantToken()));

        assertAccessDenied(() -> decrypt(GRANTEE, blob, Map.of()), refused(GRANTEE, "kms:Decrypt"));
        assertThat(trent.as(ROOT).listGrants(b -> b.keyId(key.keyId())).grants())
                .noneMatch(g -> g.grantId().equals(created.grantId()));
    }

    @Test
    void theRetiringPrincipalRetiresByKeyArnAndGrantIdAndNobodyElseMay() {
        CreateGrantResponse created = grant(b -> b.retiringPrincipal(RETIRER.principal()));

        assertAccessDenied(() -> trent.as(STRANGER).retireGrant(b -> b.keyId(key.arn()).grantId(created.grantId())),
                refused(STRANGER, "kms:RetireGrant"));
        assertAccessDenied(() -> trent.as(GRANTEE).retireGrant(b -> b.grantToken(created.grantToken())),
                refused(GRANTEE, "kms:RetireGrant"));

        trent.as(RETIRER).retireGrant(b -> b.keyId(key.arn()).grantId(created.grantId()));

        assertThat(trent.as(ROOT).listGrants(b -> b.keyId(key.keyId())).grants())
                .noneMatch(g -> g.grantId().equals(created.grantId()));
    }

    @Test
    void aGranteeWhoseGrantAllowsRetireGrantMayRetireIt() {
        CreateGrantResponse created = trent.as(ROOT).createGrant(b -> b.keyId(key.keyId())
                .granteePrincipal(GRANTEE.principal()).operations(GrantOperation.DECRYPT, GrantOperation.RETIRE_GRANT));

        trent.as(GRANTEE).retireGrant(b -> b.grantToken(created.grantToken()));

        assertThat(trent.as(ROOT).listGrants(b -> b.keyId(key.keyId())).grants())
                .noneMatch(g -> g.grantId().equals(created.grantId()));
    }

    @Test
    void aGrantToARoleServesTheRolesSessions() {
        String grantId = grant(b -> b.constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT"))))
                .grantId();
        byte[] blob = encryptAsRoot(Map.of("Department", "IT"));
        try {
            assertThat(decrypt(GRANTEE_SESSION, blob, Map.of("Department", "IT"))).isEqualTo("granted data");
            KmsClient session = trent.as(GRANTEE_SESSION);
            assertAccessDenied(() -> session.describeKey(b -> b.keyId(key.arn())),
                    refused(GRANTEE_SESSION, "kms:DescribeKey"));
        } finally {
            trent.as(ROOT).revokeGrant(b -> b.keyId(key.keyId()).grantId(grantId));
        }
        assertAccessDenied(() -> decrypt(GRANTEE_SESSION, blob, Map.of("Department", "IT")),
                refused(GRANTEE_SESSION, "kms:Decrypt"));
    }

    @Test
    void aGrantToAnotherPrincipalDoesNotServeThisOne() {
        String grantId = grant(b -> { }).grantId();
        byte[] blob = encryptAsRoot(Map.of());
        try {
            assertAccessDenied(() -> decrypt(STRANGER, blob, Map.of()), refused(STRANGER, "kms:Decrypt"));
        } finally {
            trent.as(ROOT).revokeGrant(b -> b.keyId(key.keyId()).grantId(grantId));
        }
    }
}
