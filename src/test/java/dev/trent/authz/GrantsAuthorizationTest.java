package dev.trent.authz;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidGrantTokenException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Grants as AWS KMS authorizes them, with key policies enforced (a Trent with {@code --credentials}):
 * who a grant serves, its encryption context constraints, grants across accounts, grant tokens,
 * CreateGrant permission from a grant, and who may retire, revoke and list grants. Sources: KMS
 * Developer Guide "Grants in AWS KMS", "Creating grants" (constraints, "Granting CreateGrant
 * permission"), "Retiring and revoking grants", "Using a grant token", and the API reference of
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant.
 *
 * <p>Every key here has AWS's default key policy (the key's account's root, so IAM policies of the
 * account decide), unless a test gives it another. The roles without IAM policies can use a key only
 * through grants.
 */
class GrantsAuthorizationTest {
    private static final String ACCOUNT = "111122223333";
    private static final String PARTNER_ACCOUNT = "444455556666";
    private static final String REGION = "us-east-1";

    private static final String APP = "arn:aws:iam::" + ACCOUNT + ":role/app";
    private static final String APP_SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/job-1";
    private static final String OTHER = "arn:aws:iam::" + ACCOUNT + ":role/other";
    private static final String RETIRER = "arn:aws:iam::" + ACCOUNT + ":role/retirer";
    private static final String KEY_POLICY_RETIRER = "arn:aws:iam::" + ACCOUNT + ":role/key-policy-retirer";
    private static final String DENIED_RETIRER = "arn:aws:iam::" + ACCOUNT + ":role/denied-retirer";
    private static final String OPERATOR = "arn:aws:iam::" + ACCOUNT + ":role/operator";
    private static final String PARTNER = "arn:aws:iam::" + PARTNER_ACCOUNT + ":role/partner";
    private static final String PARTNER_WORKER = "arn:aws:iam::" + PARTNER_ACCOUNT + ":role/worker";

    private static final String ALLOW_RETIRE = allow("kms:RetireGrant");
    private static final String DENY_RETIRE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:RetireGrant","Resource":"*"}]}""";
    private static final String ALLOW_GRANT_ADMINISTRATION = allow("kms:RevokeGrant", "kms:ListGrants",
            "kms:ListRetirableGrants");
    private static final String ALLOW_DECRYPT = allow("kms:Decrypt");

    private static final Map<String, Credential> CREDENTIALS = new HashMap<>();
    private static final Map<String, KmsClient> CLIENTS = new HashMap<>();
    private static Trent trent;

    private static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    @BeforeAll
    static void start() {
        credential("root", ACCOUNT, null, null);
        credential(APP, ACCOUNT, null, null);
        credential(APP_SESSION, ACCOUNT, "session-token-of-job-1", null);
        credential(OTHER, ACCOUNT, null, null);
        credential(RETIRER, ACCOUNT, null, ALLOW_RETIRE);
        credential(KEY_POLICY_RETIRER, ACCOUNT, null, null);
        credential(DENIED_RETIRER, ACCOUNT, null, DENY_RETIRE);
        credential(OPERATOR, ACCOUNT, null, ALLOW_GRANT_ADMINISTRATION);
        credential("partner-root", PARTNER_ACCOUNT, null, null);
        credential(PARTNER, PARTNER_ACCOUNT, null, null);
        credential(PARTNER_WORKER, PARTNER_ACCOUNT, null, ALLOW_DECRYPT);
        trent = new Trent(Config.defaults().withPort(0)
                .withCredentials(Credentials.of(new ArrayList<>(CREDENTIALS.values())))
                .withAdminToken("test-admin-token")).start();
    }

    private static void credential(String name, String account, String sessionToken, String policy) {
        String principal = name.startsWith("arn:") ? name : null;
        String accessKey = "AKIA" + Integer.toHexString(name.hashCode()).toUpperCase();
        CREDENTIALS.put(name, new Credential(accessKey, "secret-of-" + name, account, sessionToken, principal,
                policy == null ? List.of() : List.of(policy)));
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(KmsClient::close);
        trent.close();
    }

    /** The client that signs as this principal ("root", "partner-root" or a principal ARN). */
    private static KmsClient as(String name) {
        return CLIENTS.computeIfAbsent(name, n -> {
            Credential credential = CREDENTIALS.get(n);
            AwsCredentials signing = credential.sessionToken() == null
                    ? AwsBasicCredentials.create(credential.accessKey(), credential.secretKey())
                    : AwsSessionCredentials.create(credential.accessKey(), credential.secretKey(), credential.sessionToken());
            return KmsClient.builder()
                    .endpointOverride(trent.endpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(signing))
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                    .build();
        });
    }

    private static KmsClient root() {
        return as("root");
    }

    private static String newKey() {
        return root().createKey(b -> { }).keyMetadata().arn();
    }

    private static CreateGrantResponse grant(String keyArn, String grantee, GrantOperation... operations) {
        return root().createGrant(b -> b.keyId(keyArn).granteePrincipal(grantee).operations(operations));
    }

    private static SdkBytes encryptAsRoot(String keyArn, Map<String, String> context) {
        return root().encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("granted"))
                .encryptionContext(context)).ciphertextBlob();
    }

    private static String refused(String principal, String action, String keyArn, boolean byResourcePolicy) {
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + keyArn
                + " because no " + (byResourcePolicy ? "resource" : "identity") + "-based policy allows the "
                + action + " action";
    }

    private static String keyId(String keyArn) {
        return keyArn.substring(keyArn.indexOf("key/") + 4);
    }

    // ---------------------------------------------------------------- whom a grant serves

    @Test
    void aGrantAllowsItsGranteeItsOperationsAndNothingElse() {
        String key = newKey();
        assertAccessDenied(() -> as(APP).encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))),
                refused(APP, "kms:Encrypt", key, false));

        grant(key, APP, GrantOperation.ENCRYPT, GrantOperation.DECRYPT);

        SdkBytes blob = as(APP).encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();
        assertThat(as(APP).decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("x");
        assertAccessDenied(() -> as(APP).generateDataKey(b -> b.keyId(key).numberOfBytes(32)),
                refused(APP, "kms:GenerateDataKey", key, false));
        assertAccessDenied(() -> as(APP).describeKey(b -> b.keyId(key)), refused(APP, "kms:DescribeKey", key, false));
        assertAccessDenied(() -> as(APP).disableKey(b -> b.keyId(key)), refused(APP, "kms:DisableKey", key, false));
    }

    @Test
    void aGrantToARoleServesTheRolesSessionsButNoOtherPrincipal() {
        String key = newKey();
        grant(key, APP, GrantOperation.DESCRIBE_KEY);

        assertThat(as(APP_SESSION).describeKey(b -> b.keyId(key)).keyMetadata().arn()).isEqualTo(key);
        assertAccessDenied(() -> as(OTHER).describeKey(b -> b.keyId(key)), refused(OTHER, "kms:DescribeKey", key, false));
    }

    @Test
    void aGrantNamesTheKeyItIsFor() {
        String granted = newKey();
        String other = newKey();
        grant(granted, APP, GrantOperation.DESCRIBE_KEY);

        assertAccessDenied(() -> as(APP).describeKey(b -> b.keyId(other)), refused(APP, "kms:DescribeKey", other, false));
    }

    @Test
    void aRetiredOrRevokedGrantAllowsNothingMore() {
        String key = newKey();
        String retired = grant(key, APP, GrantOperation.DESCRIBE_KEY).grantId();
        as(APP).describeKey(b -> b.keyId(key));

        root().retireGrant(b -> b.keyId(key).grantId(retired));

        assertAccessDenied(() -> as(APP).describeKey(b -> b.keyId(key)), refused(APP, "kms:DescribeKey", key, false));
        String revoked = grant(key, APP, GrantOperation.DESCRIBE_KEY).grantId();
        as(APP).describeKey(b -> b.keyId(key));
        root().revokeGrant(b -> b.keyId(key).grantId(revoked));
        assertAccessDenied(() -> as(APP).describeKey(b -> b.keyId(key)), refused(APP, "kms:DescribeKey", key, false));
    }

    // ---------------------------------------------------------------- encryption context constraints

    @Test
    void anEncryptionContextSubsetConstraintNeedsItsPairsExactlyAndAcceptsMore() {
        String key = newKey();
        root().createGrant(b -> b.keyId(key).granteePrincipal(APP).operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT"))));
        SdkBytes exact = encryptAsRoot(key, Map.of("Department", "IT"));
        SdkBytes more = encryptAsRoot(key, Map.of("Department", "IT", "Purpose", "Test"));
        SdkBytes otherCase = encryptAsRoot(key, Map.of("department", "it"));
        SdkBytes none = encryptAsRoot(key, Map.of());

        as(APP).decrypt(b -> b.ciphertextBlob(exact).encryptionContext(Map.of("Department", "IT")));
        as(APP).decrypt(b -> b.ciphertextBlob(more).encryptionContext(Map.of("Purpose", "Test", "Department", "IT")));
        assertAccessDenied(() -> as(APP).decrypt(b -> b.ciphertextBlob(otherCase)
                .encryptionContext(Map.of("department", "it"))), refused(APP, "kms:Decrypt", key, false));
        assertAccessDenied(() -> as(APP).decrypt(b -> b.ciphertextBlob(none)), refused(APP, "kms:Decrypt", key, false));
    }

    @Test
    void anEncryptionContextEqualsConstraintNeedsExactlyItsPairs() {
        String key = newKey();
        root().createGrant(b -> b.keyId(key).granteePrincipal(APP)
                .operations(GrantOperation.ENCRYPT, GrantOperation.GENERATE_DATA_KEY)
                .constraints(c -> c.encryptionContextEquals(Map.of("Department", "IT"))));

        as(APP).encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(Map.of("Department", "IT")));
        as(APP).generateDataKey(b -> b.keyId(key).numberOfBytes(16).encryptionContext(Map.of("Department", "IT")));
        assertAccessDenied(() -> as(APP).encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(Map.of("Department", "IT", "Purpose", "Test"))), refused(APP, "kms:Encrypt", key, false));
        assertAccessDenied(() -> as(APP).generateDataKey(b -> b.keyId(key).numberOfBytes(16)),
                refused(APP, "kms:GenerateDataKey", key, false));
    }

    @Test
    void reEncryptMeetsTheConstraintsOfBothGrantsWithItsSourceAndDestinationContexts() {
        String source = newKey();
        String destination = newKey();
        root().createGrant(b -> b.keyId(source).granteePrincipal(APP).operations(GrantOperation.RE_ENCRYPT_FROM)
                .constraints(c -> c.encryptionContextEquals(Map.of("stage", "old"))));
        root().createGrant(b -> b.keyId(destination).granteePrincipal(APP).operations(GrantOperation.RE_ENCRYPT_TO)
                .constraints(c -> c.encryptionContextEquals(Map.of("stage", "new"))));
        SdkBytes blob = encryptAsRoot(source, Map.of("stage", "old"));

        SdkBytes moved = as(APP).reEncrypt(b -> b.ciphertextBlob(blob).sourceEncryptionContext(Map.of("stage", "old"))
                .destinationKeyId(destination).destinationEncryptionContext(Map.of("stage", "new"))).ciphertextBlob();

        assertThat(root().decrypt(b -> b.ciphertextBlob(moved).encryptionContext(Map.of("stage", "new")))
                .plaintext().asUtf8String()).isEqualTo("granted");
        assertAccessDenied(() -> as(APP).reEncrypt(b -> b.ciphertextBlob(blob).sourceEncryptionContext(Map.of("stage", "old"))
                .destinationKeyId(destination).destinationEncryptionContext(Map.of("stage", "old"))),
                refused(APP, "kms:ReEncryptTo", destination, false));
    }

    /** As the grants AWS services hold (DynamoDB's): DescribeKey and RetireGrant take no encryption context. */
    @Test
    void describeKeyAndRetireGrantIgnoreTheEncryptionContextConstraint() {
        String key = newKey();
        CreateGrantResponse created = root().createGrant(b -> b.keyId(key).granteePrincipal(APP)
                .operations(GrantOperation.DECRYPT, GrantOperation.DESCRIBE_KEY, GrantOperation.RETIRE_GRANT)
                .constraints(c -> c.encryptionContextSubset(Map.of("table", "orders"))));

        assertThat(as(APP).describeKey(b -> b.keyId(key)).keyMetadata().arn()).isEqualTo(key);
        as(APP).retireGrant(b -> b.grantToken(created.grantToken()));

        assertThat(root().listGrants(b -> b.keyId(key)).grants()).isEmpty();
    }

    // ---------------------------------------------------------------- grants across accounts

    /** "Users and roles in the external account cannot use the CMK until you attach IAM policies ... or use grants". */
    @Test
    void aGrantToAPrincipalOfAnotherAccountNeedsNoKeyPolicyStatementNorIamPolicy() {
        String key = newKey();
        assertAccessDenied(() -> as(PARTNER).describeKey(b -> b.keyId(key)), refused(PARTNER, "kms:DescribeKey", key, true));

        grant(key, PARTNER, GrantOperation.ENCRYPT, GrantOperation.DECRYPT, GrantOperation.DESCRIBE_KEY);

        SdkBytes blob = as(PARTNER).encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("shared"))).ciphertextBlob();
        assertThat(as(PARTNER).decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("shared");
        assertThat(root().decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("shared");
        assertThat(as(PARTNER).describeKey(b -> b.keyId(key)).keyMetadata().arn()).isEqualTo(key);
        assertAccessDenied(() -> as(PARTNER).generateDataKey(b -> b.keyId(key).numberOfBytes(32)),
                refused(PARTNER, "kms:GenerateDataKey", key, true));
    }

    @Test
    void aGranteeInAnotherAccountNamesTheKeyByItsArn() {
        String key = newKey();
        grant(key, PARTNER, GrantOperation.DESCRIBE_KEY);

        assertAwsError(() -> as(PARTNER).describeKey(b -> b.keyId(keyId(key))), NotFoundException.class,
                "NotFoundException", "Key 'arn:aws:kms:" + REGION + ":" + PARTNER_ACCOUNT + ":key/" + keyId(key)
                        + "' does not exist");
    }

    @Test
    void aGrantToAnotherAccountServesItsRootAndThePrincipalsItsIamPoliciesAllow() {
        String key = newKey();
        grant(key, PARTNER_ACCOUNT, GrantOperation.DECRYPT);
        SdkBytes blob = encryptAsRoot(key, Map.of());

        assertThat(as("partner-root").decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("granted");
        assertThat(as(PARTNER_WORKER).decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("granted");
        assertAccessDenied(() -> as(PARTNER).decrypt(b -> b.ciphertextBlob(blob)), refused(PARTNER, "kms:Decrypt", key, true));
    }

    // ---------------------------------------------------------------- grant tokens

    @Test
    void theGranteeMayPresentItsGrantToken() {
        String key = newKey();
        String token = grant(key, APP, GrantOperation.GENERATE_DATA_KEY).grantToken();

        assertThat(as(APP).generateDataKey(b -> b.keyId(key).numberOfBytes(32).grantTokens(token)).keyId()).isEqualTo(key);
    }

    /** "Once the grant is eventually consistent, AWS KMS uses the grant to determine permissions, not the grant token." */
    @Test
    void aGrantTokenGivesNoPermissionOfItsOwn() {
        String key = newKey();
        String forApp = grant(key, APP, GrantOperation.DESCRIBE_KEY).grantToken();
        CreateGrantResponse revoked = grant(key, OTHER, GrantOperation.DESCRIBE_KEY);
        root().revokeGrant(b -> b.keyId(key).grantId(revoked.grantId()));

        assertAccessDenied(() -> as(OTHER).describeKey(b -> b.keyId(key).grantTokens(forApp)),
                refused(OTHER, "kms:DescribeKey", key, false));
        assertAccessDenied(() -> as(OTHER).describeKey(b -> b.keyId(key).grantTokens(revoked.grantToken())),
                refused(OTHER, "kms:DescribeKey", key, false));
        assertAwsError(() -> as(APP).describeKey(b -> b.keyId(key).grantTokens("not-a-grant-token")),
                InvalidGrantTokenException.class, "InvalidGrantTokenException", "Invalid grant token");
    }

    // ---------------------------------------------------------------- CreateGrant permission from a grant

    private static String parentGrant(String key, GrantConstraints constraints) {
        return root().createGrant(b -> b.keyId(key).granteePrincipal(APP).constraints(constraints)
                .operations(GrantOperation.GENERATE_DATA_KEY, GrantOperation.DECRYPT, GrantOperation.CREATE_GRANT))
                .grantId();
    }

    private static void createsChild(String key, CreateGrantRequest.Builder child, boolean allowed) {
        CreateGrantRequest request = child.keyId(key).granteePrincipal(OTHER).build();
        if (allowed) {
            assertThat(as(APP).createGrant(request).grantId()).hasSize(64);
        } else {
            assertAccessDenied(() -> as(APP).createGrant(request), refused(APP, "kms:CreateGrant", key, false));
        }
    }

    @Test
    void aGranteeWithCreateGrantDelegatesSomeOrAllOfItsOperations() {
        String key = newKey();
        parentGrant(key, GrantConstraints.builder().build());

        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.CREATE_GRANT, GrantOperation.DECRYPT,
                GrantOperation.GENERATE_DATA_KEY), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT, GrantOperation.ENCRYPT), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.RE_ENCRYPT_FROM), false);
    }

    @Test
    void aChildGrantMayAddPairsToAnEncryptionContextSubsetOrMakeItEqualsButNotLoosenIt() {
        String key = newKey();
        parentGrant(key, GrantConstraints.builder().encryptionContextSubset(Map.of("Department", "IT")).build());

        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT"))), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT", "Team", "Ops"))), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("Department", "IT", "Team", "Ops"))), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Team", "Ops"))), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "Finance"))), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("Team", "Ops"))), false);
    }

    @Test
    void aChildGrantKeepsAnEncryptionContextEqualsAsItIs() {
        String key = newKey();
        parentGrant(key, GrantConstraints.builder().encryptionContextEquals(Map.of("Department", "IT")).build());

        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("Department", "IT"))), true);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT"))), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("Department", "IT", "Team", "Ops"))), false);
        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT), false);
    }

    @Test
    void theChildGrantServesItsGranteeWithinTheParentsLimits() {
        String key = newKey();
        parentGrant(key, GrantConstraints.builder().build());
        as(APP).createGrant(b -> b.keyId(key).granteePrincipal(OTHER)
                .operations(GrantOperation.DECRYPT, GrantOperation.CREATE_GRANT));
        SdkBytes blob = encryptAsRoot(key, Map.of());

        assertThat(as(OTHER).decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("granted");
        assertThat(as(OTHER).createGrant(b -> b.keyId(key).granteePrincipal(PARTNER).operations(GrantOperation.DECRYPT))
                .grantId()).hasSize(64);
        assertAccessDenied(() -> as(OTHER).createGrant(b -> b.keyId(key).granteePrincipal(PARTNER)
                .operations(GrantOperation.GENERATE_DATA_KEY)), refused(OTHER, "kms:CreateGrant", key, false));
    }

    @Test
    void aGrantWithoutCreateGrantLetsItsGranteeCreateNoGrant() {
        String key = newKey();
        grant(key, APP, GrantOperation.DECRYPT, GrantOperation.ENCRYPT);

        createsChild(key, CreateGrantRequest.builder().operations(GrantOperation.DECRYPT), false);
    }

    @Test
    void aGranteeInAnotherAccountMayDelegateItsGrantToo() {
        String key = newKey();
        root().createGrant(b -> b.keyId(key).granteePrincipal(PARTNER)
                .operations(GrantOperation.DECRYPT, GrantOperation.CREATE_GRANT));
        SdkBytes blob = encryptAsRoot(key, Map.of());

        as(PARTNER).createGrant(b -> b.keyId(key).granteePrincipal(PARTNER_ACCOUNT).operations(GrantOperation.DECRYPT));

        assertThat(as("partner-root").decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("granted");
    }

    // ---------------------------------------------------------------- who retires a grant

    private static CreateGrantResponse retirableGrant(String key, String retiringPrincipal, GrantOperation... operations) {
        return root().createGrant(b -> b.keyId(key).granteePrincipal(APP).retiringPrincipal(retiringPrincipal)
                .operations(operations));
    }

    private static void assertRetired(String key, String grantId) {
        assertThat(root().listGrants(b -> b.keyId(key)).grants()).extracting(GrantListEntry::grantId).doesNotContain(grantId);
    }

    @Test
    void theRetiringPrincipalRetiresWithoutAnyPolicy() {
        String key = newKey();
        String byId = retirableGrant(key, OTHER, GrantOperation.DECRYPT).grantId();
        String token = retirableGrant(key, OTHER, GrantOperation.DECRYPT).grantToken();

        as(OTHER).retireGrant(b -> b.keyId(key).grantId(byId));
        as(OTHER).retireGrant(b -> b.grantToken(token));

        assertThat(root().listGrants(b -> b.keyId(key)).grants()).isEmpty();
    }

    @Test
    void theGranteeRetiresOnlyAGrantThatAllowsRetireGrant() {
        String key = newKey();
        String withRetire = grant(key, APP, GrantOperation.DECRYPT, GrantOperation.RETIRE_GRANT).grantId();
        String without = grant(key, APP, GrantOperation.DECRYPT).grantId();

        as(APP).retireGrant(b -> b.keyId(key).grantId(withRetire));
        assertAccessDenied(() -> as(APP).retireGrant(b -> b.keyId(key).grantId(without)),
                refused(APP, "kms:RetireGrant", key, false));

        assertRetired(key, withRetire);
    }

    @Test
    void otherPrincipalsRetireOnlyWhenTheirAccountDelegatesRetireGrantToThem() {
        String key = newKey();
        String first = retirableGrant(key, PARTNER, GrantOperation.DECRYPT).grantId();
        String second = retirableGrant(key, PARTNER, GrantOperation.DECRYPT).grantId();

        assertAccessDenied(() -> as(OTHER).retireGrant(b -> b.keyId(key).grantId(first)),
                refused(OTHER, "kms:RetireGrant", key, false));
        as(RETIRER).retireGrant(b -> b.keyId(key).grantId(first));
        root().retireGrant(b -> b.keyId(key).grantId(second));

        assertThat(root().listGrants(b -> b.keyId(key)).grants()).isEmpty();
    }

    /** "The kms:RetireGrant permission is not effective in a key policy." */
    @Test
    void theKeyPolicyDoesNotAllowRetireGrant() {
        String policy = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"kms:*","Resource":"*"},
                 {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:RetireGrant","Resource":"*"}]}"""
                .formatted(ACCOUNT, KEY_POLICY_RETIRER);
        String key = root().createKey(b -> b.policy(policy)).keyMetadata().arn();
        String grantId = grant(key, APP, GrantOperation.DECRYPT).grantId();

        assertAccessDenied(() -> as(KEY_POLICY_RETIRER).retireGrant(b -> b.keyId(key).grantId(grantId)),
                refused(KEY_POLICY_RETIRER, "kms:RetireGrant", key, false));
    }

    @Test
    void anExplicitDenyOfRetireGrantRefusesEvenTheRetiringPrincipal() {
        String key = newKey();
        String grantId = retirableGrant(key, DENIED_RETIRER, GrantOperation.DECRYPT).grantId();

        assertAccessDenied(() -> as(DENIED_RETIRER).retireGrant(b -> b.keyId(key).grantId(grantId)),
                "User: " + DENIED_RETIRER + " is not authorized to perform: kms:RetireGrant on resource: " + key
                        + " with an explicit deny in an identity-based policy");
    }

    @Test
    void aRetiringPrincipalInAnotherAccountRetiresByTokenOrByKeyArn() {
        String key = newKey();
        String token = retirableGrant(key, PARTNER, GrantOperation.DECRYPT).grantToken();
        String grantId = retirableGrant(key, PARTNER, GrantOperation.DECRYPT).grantId();

        as(PARTNER).retireGrant(b -> b.grantToken(token));
        as(PARTNER).retireGrant(b -> b.keyId(key).grantId(grantId));

        assertThat(root().listGrants(b -> b.keyId(key)).grants()).isEmpty();
    }

    // ---------------------------------------------------------------- revoking and listing: policies only

    @Test
    void revokeGrantIsForTheKeysPoliciesNotForGrants() {
        String key = newKey();
        String grantId = root().createGrant(b -> b.keyId(key).granteePrincipal(APP).retiringPrincipal(APP)
                .operations(GrantOperation.DECRYPT, GrantOperation.RETIRE_GRANT, GrantOperation.CREATE_GRANT)).grantId();

        assertAccessDenied(() -> as(APP).revokeGrant(b -> b.keyId(key).grantId(grantId)),
                refused(APP, "kms:RevokeGrant", key, false));
        as(OPERATOR).revokeGrant(b -> b.keyId(key).grantId(grantId));

        assertRetired(key, grantId);
    }

    @Test
    void listGrantsIsForTheKeysPoliciesNotForGrants() {
        String key = newKey();
        String grantId = grant(key, APP, GrantOperation.DECRYPT, GrantOperation.DESCRIBE_KEY).grantId();

        assertAccessDenied(() -> as(APP).listGrants(b -> b.keyId(key)), refused(APP, "kms:ListGrants", key, false));
        assertThat(as(OPERATOR).listGrants(b -> b.keyId(key)).grants()).extracting(GrantListEntry::grantId)
                .containsExactly(grantId);
        assertAccessDenied(() -> as(PARTNER).listGrants(b -> b.keyId(key)), refused(PARTNER, "kms:ListGrants", key, true));
    }

    @Test
    void listRetirableGrantsNeedsAnIamPolicyAndAPrincipalOfTheCallersAccount() {
        String key = newKey();
        String grantId = retirableGrant(key, OTHER, GrantOperation.DECRYPT).grantId();

        assertThat(as(OPERATOR).listRetirableGrants(b -> b.retiringPrincipal(OTHER)).grants())
                .extracting(GrantListEntry::grantId).containsExactly(grantId);
        assertThat(root().listRetirableGrants(b -> b.retiringPrincipal(OTHER)).grants()).hasSize(1);
        assertAccessDenied(() -> as(OTHER).listRetirableGrants(b -> b.retiringPrincipal(OTHER)),
                "User: " + OTHER + " is not authorized to perform: kms:ListRetirableGrants on resource: * because no "
                        + "identity-based policy allows the kms:ListRetirableGrants action");
        assertAccessDenied(() -> as(OPERATOR).listRetirableGrants(b -> b.retiringPrincipal(PARTNER)),
                "User: " + OPERATOR + " is not authorized to perform: kms:ListRetirableGrants on resource: * because no "
                        + "identity-based policy allows the kms:ListRetirableGrants action");
    }
}
