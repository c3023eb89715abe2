package dev.trent;

import static dev.trent.support.AwsErrors.DRY_RUN_MESSAGE;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static dev.trent.support.TestKeys.keyArn;
import static dev.trent.support.TestKeys.newKey;
import static dev.trent.support.TestKeys.newKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ResponseBodies;
import dev.trent.support.TrentServer;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidArnException;
import software.amazon.awssdk.services.kms.model.InvalidGrantIdException;
import software.amazon.awssdk.services.kms.model.InvalidGrantTokenException;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant, and grant tokens in other operations. */
class GrantsTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/exampleUser";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/adminRole";
    private static final String OTHER_ROLE = "arn:aws:iam::" + TrentServer.OTHER_ACCOUNT + ":role/partnerRole";
    private static final String SERVICE = "dynamodb.amazonaws.com";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/ExampleTable";

    private final KmsClient kms = trent.kms();

    // ---------------------------------------------------------------- CreateGrant and ListGrants

    @Test
    void createGrantAnswersA64HexGrantIdAndAUrlSafeBase64Token() {
        String keyId = newKeyId(kms);

        CreateGrantResponse created = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT));

        assertThat(created.grantId()).matches("[0-9a-f]{64}");
        assertThat(created.grantToken()).matches("[A-Za-z0-9_-]+").hasSizeBetween(100, 8192);
        assertThat(Base64.getUrlDecoder().decode(created.grantToken())).isNotEmpty();
    }

    @Test
    void everyGrantHasItsOwnIdAndToken() {
        String keyId = newKeyId(kms);

        CreateGrantResponse first = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT));
        CreateGrantResponse second = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT));

        assertThat(second.grantId()).isNotEqualTo(first.grantId());
        assertThat(second.grantToken()).isNotEqualTo(first.grantToken());
        assertThat(grantIds(keyId)).containsExactlyInAnyOrder(first.grantId(), second.grantId());
    }

    @Test
    void listGrantsShowsEveryFieldOfTheGrant() {
        KeyMetadata key = newKey(kms);
        Instant before = trent.trent().clock().instant();
        String grantId = kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(USER).retiringPrincipal(ROLE)
                .operations(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY, GrantOperation.DESCRIBE_KEY)
                .constraints(c -> c.encryptionContextSubset(Map.of("Department", "IT")))
                .name("finance-grant")).grantId();
        Instant after = trent.trent().clock().instant();

        ListGrantsResponse listed = kms.listGrants(b -> b.keyId(key.keyId()));

        assertThat(listed.truncated()).isFalse();
        assertThat(listed.nextMarker()).isNull();
        assertThat(listed.grants()).hasSize(1);
        GrantListEntry grant = listed.grants().get(0);
        assertThat(grant.keyId()).isEqualTo(key.arn());
        assertThat(grant.grantId()).isEqualTo(grantId);
        assertThat(grant.name()).isEqualTo("finance-grant");
        assertThat(grant.creationDate()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
        assertThat(grant.granteePrincipal()).isEqualTo(USER);
        assertThat(grant.retiringPrincipal()).isEqualTo(ROLE);
        assertThat(grant.issuingAccount()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(grant.operations()).containsExactly(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY,
                GrantOperation.DESCRIBE_KEY);
        assertThat(grant.constraints().encryptionContextSubset()).containsExactly(Map.entry("Department", "IT"));
        assertThat(grant.constraints().hasEncryptionContextEquals()).isFalse();
        assertThat(grant.constraints().sourceArn()).isNull();
        assertThat(grant.granteeServicePrincipal()).isNull();
        assertThat(grant.retiringServicePrincipal()).isNull();
    }

    @Test
    void aGrantWithoutNameOrConstraintsIsListedWithAnEmptyNameAndNoConstraints() {
        String keyId = newKeyId(kms);
        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.ENCRYPT));

        GrantListEntry grant = kms.listGrants(b -> b.keyId(keyId)).grants().get(0);

        assertThat(grant.name()).isEmpty();
        assertThat(grant.constraints()).isNull();
        assertThat(grant.retiringPrincipal()).isNull();
    }

    @Test
    void listGrantsSendsTheMembersAGrantHasAndNoOthers() {
        String keyId = newKeyId(kms);
        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.ENCRYPT));
        ResponseBodies bodies = new ResponseBodies();

        try (KmsClient client = trent.client(ACCOUNT, TrentServer.REGION, bodies)) {
            client.listGrants(b -> b.keyId(keyId));
        }

        assertThat(bodies.last).matches("\\{\"Grants\":\\[\\{\"KeyId\":\"" + keyArn(keyId) + "\",\"GrantId\":\"[0-9a-f]{64}\",\"Name\":\"\",\"CreationDate\":[0-9.E]+,"
                        + "\"GranteePrincipal\":\"" + USER + "\",\"IssuingAccount\":\"arn:aws:iam::"
                        + ACCOUNT + ":root\",\"Operations\":\\[\"Encrypt\"\\]\\}\\],\"Truncated\":false\\}");
    }

    @Test
    void createGrantAndListGrantsTakeTheKeyArn() {
        KeyMetadata key = newKey(kms);

        String grantId = kms.createGrant(b -> b.keyId(key.arn()).granteePrincipal(USER)
                .operations(GrantOperation.ENCRYPT)).grantId();

        assertThat(kms.listGrants(b -> b.keyId(key.arn())).grants()).extracting(GrantListEntry::grantId)
                .containsExactly(grantId);
        assertThat(grantIds(key.keyId())).containsExactly(grantId);
    }

    @Test
    void grantsOfOneKeyAreNotListedForAnother() {
        String keyId = newKeyId(kms);
        String otherKeyId = newKeyId(kms);
        kms.createGrant(b -> b.keyId(otherKeyId).granteePrincipal(USER).operations(GrantOperation.ENCRYPT));

        assertThat(kms.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();
    }

    @Test
    void listGrantsFiltersByGrantId() {
        String keyId = newKeyId(kms);
        String wanted = grant(keyId, USER);
        grant(keyId, USER);

        assertThat(kms.listGrants(b -> b.keyId(keyId).grantId(wanted)).grants())
                .extracting(GrantListEntry::grantId).containsExactly(wanted);
        assertThat(kms.listGrants(b -> b.keyId(keyId).grantId("0".repeat(64))).grants()).isEmpty();
    }

    @Test
    void listGrantsFiltersByGranteePrincipal() {
        String keyId = newKeyId(kms);
        String forUser = grant(keyId, USER);
        grant(keyId, ROLE);

        assertThat(kms.listGrants(b -> b.keyId(keyId).granteePrincipal(USER)).grants())
                .extracting(GrantListEntry::grantId).containsExactly(forUser);
    }

    @Test
    void listGrantsFiltersByGranteeServicePrincipal() {
        String keyId = newKeyId(kms);
        grant(keyId, USER);
        String forService = kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE)
                .retiringServicePrincipal(SERVICE).operations(GrantOperation.ENCRYPT)
                .constraints(c -> c.sourceArn(TABLE))).grantId();

        assertThat(kms.listGrants(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE)).grants())
                .extracting(GrantListEntry::grantId).containsExactly(forService);
    }

    @Test
    void listGrantsRefusesAMalformedGrantId() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.listGrants(b -> b.keyId(keyId).grantId("not-a-grant-id")),
                InvalidGrantIdException.class, "InvalidGrantIdException", "Invalid grantId 'not-a-grant-id'");
    }

    @Test
    void listGrantsRefusesBothGranteeFilters() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.listGrants(b -> b.keyId(keyId).granteePrincipal(USER)
                        .granteeServicePrincipal(SERVICE)),
                "You must specify either GranteePrincipal or GranteeServicePrincipal, but not both.");
    }

    @Test
    void listGrantsPagesWithLimitAndMarker() {
        String keyId = newKeyId(kms);
        Set<String> created = new HashSet<>();
        IntStream.range(0, 5).forEach(i -> created.add(grant(keyId, USER)));

        List<String> seen = new ArrayList<>();
        ListGrantsResponse page = kms.listGrants(b -> b.keyId(keyId).limit(2));
        assertThat(page.grants()).hasSize(2);
        assertThat(page.truncated()).isTrue();
        page.grants().forEach(g -> seen.add(g.grantId()));
        String marker = page.nextMarker();
        page = kms.listGrants(b -> b.keyId(keyId).limit(2).marker(marker));
        assertThat(page.grants()).hasSize(2);
        assertThat(page.truncated()).isTrue();
        page.grants().forEach(g -> seen.add(g.grantId()));
        String last = page.nextMarker();
        page = kms.listGrants(b -> b.keyId(keyId).limit(2).marker(last));
        assertThat(page.grants()).hasSize(1);
        assertThat(page.truncated()).isFalse();
        assertThat(page.nextMarker()).isNull();
        page.grants().forEach(g -> seen.add(g.grantId()));

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listGrantsReturnsFiftyByDefaultAndAtMostOneHundred() {
        String keyId = newKeyId(kms);
        IntStream.range(0, 101).forEach(i -> grant(keyId, USER));

        ListGrantsResponse byDefault = kms.listGrants(b -> b.keyId(keyId));
        ListGrantsResponse asked = kms.listGrants(b -> b.keyId(keyId).limit(1000));

        assertThat(byDefault.grants()).hasSize(50);
        assertThat(byDefault.truncated()).isTrue();
        assertThat(asked.grants()).hasSize(100);
        assertThat(asked.truncated()).isTrue();
    }

    @Test
    void listGrantsRefusesAMarkerItDidNotMake() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.listGrants(b -> b.keyId(keyId).marker("bogus")), InvalidMarkerException.class,
                "InvalidMarkerException", "Invalid marker");
    }

    // ---------------------------------------------------------------- Name: idempotent retries

    @Test
    void aRetryWithTheSameNameAndParametersReturnsTheSameGrantWithANewToken() {
        String keyId = newKeyId(kms);
        CreateGrantRequest request = CreateGrantRequest.builder().keyId(keyId).granteePrincipal(USER)
                .retiringPrincipal(ROLE).operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextEquals(Map.of("purpose", "test"))).name("retry-me").build();

        CreateGrantResponse first = kms.createGrant(request);
        CreateGrantResponse retry = kms.createGrant(request);
        CreateGrantResponse reordered = kms.createGrant(request.toBuilder()
                .operations(GrantOperation.DECRYPT, GrantOperation.ENCRYPT).build());

        assertThat(retry.grantId()).isEqualTo(first.grantId());
        assertThat(reordered.grantId()).isEqualTo(first.grantId());
        assertThat(retry.grantToken()).isNotEqualTo(first.grantToken());
        assertThat(grantIds(keyId)).containsExactly(first.grantId());
    }

    @Test
    void theSameNameWithOtherParametersMakesAnotherGrant() {
        String keyId = newKeyId(kms);

        String first = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).name("shared-name")
                .operations(GrantOperation.ENCRYPT)).grantId();
        String second = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).name("shared-name")
                .operations(GrantOperation.DECRYPT)).grantId();

        assertThat(second).isNotEqualTo(first);
        assertThat(kms.listGrants(b -> b.keyId(keyId)).grants()).extracting(GrantListEntry::name)
                .containsExactly("shared-name", "shared-name");
    }

    @Test
    void allTokensOfARetriedGrantNameIt() {
        String keyId = newKeyId(kms);
        CreateGrantRequest request = CreateGrantRequest.builder().keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.ENCRYPT).name("tokens").build();
        String firstToken = kms.createGrant(request).grantToken();
        String secondToken = kms.createGrant(request).grantToken();

        kms.retireGrant(b -> b.grantToken(secondToken));

        assertThat(grantIds(keyId)).isEmpty();
        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(firstToken)), NotFoundException.class,
                "NotFoundException");
    }

    // ---------------------------------------------------------------- constraints

    @Test
    void encryptionContextEqualsComesBackAsGiven() {
        String keyId = newKeyId(kms);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("Department", "Finance");
        context.put("Classification", "Public");

        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.GENERATE_DATA_KEY)
                .constraints(c -> c.encryptionContextEquals(context)));

        GrantConstraints constraints = kms.listGrants(b -> b.keyId(keyId)).grants().get(0).constraints();
        assertThat(constraints.encryptionContextEquals()).isEqualTo(context);
        assertThat(constraints.hasEncryptionContextSubset()).isFalse();
    }

    @Test
    void aServicePrincipalGrantKeepsItsSourceArnAndServicePrincipals() {
        String keyId = newKeyId(kms);

        kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE).retiringServicePrincipal(SERVICE)
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT, GrantOperation.DESCRIBE_KEY)
                .constraints(c -> c.sourceArn(TABLE)));

        GrantListEntry grant = kms.listGrants(b -> b.keyId(keyId)).grants().get(0);
        assertThat(grant.granteeServicePrincipal()).isEqualTo(SERVICE);
        assertThat(grant.retiringServicePrincipal()).isEqualTo(SERVICE);
        assertThat(grant.granteePrincipal()).isNull();
        assertThat(grant.retiringPrincipal()).isNull();
        assertThat(grant.constraints().sourceArn()).isEqualTo(TABLE);
        assertThat(grant.constraints().hasEncryptionContextEquals()).isFalse();
        assertThat(grant.constraints().hasEncryptionContextSubset()).isFalse();
    }

    @Test
    void anEmptyEncryptionContextConstraintCountsAsNone() {
        String keyId = newKeyId(kms);

        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.ENCRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of())));

        assertThat(kms.listGrants(b -> b.keyId(keyId)).grants().get(0).constraints()).isNull();
    }

    @Test
    void bothEncryptionContextConstraintsAreRefused() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT).constraints(c -> c.encryptionContextEquals(Map.of("a", "b"))
                        .encryptionContextSubset(Map.of("c", "d")))), "More than one constraint supplied");
        assertThat(grantIds(keyId)).isEmpty();
    }

    @Test
    void anEncryptionContextConstraintHoldsAtMostEightPairs() {
        String keyId = newKeyId(kms);
        Map<String, String> nine = new LinkedHashMap<>();
        IntStream.range(0, 9).forEach(i -> nine.put("k" + i, "v"));

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                        .operations(GrantOperation.DECRYPT).constraints(c -> c.encryptionContextSubset(nine))),
                "An encryption context grant constraint can include up to 8 encryption context pairs.");
    }

    @Test
    void anEncryptionContextConstraintHoldsAtMost384Characters() {
        String keyId = newKeyId(kms);

        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("k", "v".repeat(383)))));
        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                        .operations(GrantOperation.DECRYPT)
                        .constraints(c -> c.encryptionContextSubset(Map.of("k", "v".repeat(384))))),
                "The encryption context in a grant constraint cannot exceed 384 characters.");
    }

    @Test
    void encryptionContextConstraintsNeedASymmetricEncryptionKey() {
        KeyMetadata rsa = kms.createKey(b -> b.keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).keyMetadata();

        assertValidationError(() -> kms.createGrant(b -> b.keyId(rsa.keyId()).granteePrincipal(USER)
                        .operations(GrantOperation.DECRYPT).constraints(c -> c.encryptionContextSubset(Map.of("a", "b")))),
                "Encryption context grant constraints are supported only on symmetric encryption KMS keys, and "
                        + rsa.arn() + " has key spec RSA_2048.");
    }

    @Test
    void encryptionContextConstraintsAllowTheManagementOperationsTheyDoNotApplyTo() {
        String keyId = newKeyId(kms);

        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DESCRIBE_KEY, GrantOperation.RETIRE_GRANT, GrantOperation.CREATE_GRANT,
                        GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("a", "b"))));

        assertThat(grantIds(keyId)).hasSize(1);
    }

    // ---------------------------------------------------------------- operations by key type

    @ParameterizedTest
    @ValueSource(strings = {
            "SYMMETRIC_DEFAULT/ENCRYPT_DECRYPT: Decrypt Encrypt GenerateDataKey GenerateDataKeyWithoutPlaintext "
                    + "ReEncryptFrom ReEncryptTo GenerateDataKeyPair GenerateDataKeyPairWithoutPlaintext",
            "HMAC_256/GENERATE_VERIFY_MAC: GenerateMac VerifyMac",
            "RSA_2048/ENCRYPT_DECRYPT: Encrypt Decrypt ReEncryptFrom ReEncryptTo GetPublicKey",
            "RSA_3072/SIGN_VERIFY: Sign Verify GetPublicKey",
            "ECC_NIST_P256/SIGN_VERIFY: Sign Verify GetPublicKey",
            "ECC_NIST_P384/KEY_AGREEMENT: DeriveSharedSecret GetPublicKey",
            "ML_KEM_768/ENCAPSULATE_DECAPSULATE: Encapsulate Decapsulate GetPublicKey"})
    void aGrantMayAllowExactlyTheOperationsItsKeyPerforms(String row) {
        String[] parts = row.split(": ");
        String[] type = parts[0].split("/");
        String keyId = kms.createKey(b -> b.keySpec(type[0]).keyUsage(type[1])).keyMetadata().keyId();
        Set<String> allowed = new HashSet<>(List.of(parts[1].split(" ")));
        allowed.addAll(List.of("CreateGrant", "RetireGrant", "DescribeKey"));

        for (GrantOperation operation : GrantOperation.knownValues()) {
            if (allowed.contains(operation.toString())) {
                kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                        .operations(operation, GrantOperation.DESCRIBE_KEY));
            } else {
                assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                                .operations(GrantOperation.DESCRIBE_KEY, operation)),
                        "Grant operation " + operation + " is not supported by " + keyArn(keyId)
                                + " with key spec " + type[0] + " and key usage " + type[1] + ".");
            }
        }
        assertThat(grantIds(keyId)).hasSize(allowed.size());
    }

    @Test
    void aGrantMustNotAllowOnlyCreateGrant() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.CREATE_GRANT)), "Grants must not contain only the CreateGrant operation.");
    }

    @Test
    void aGrantMustAllowSomething() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(List.of())), "Grants must contain at least one operation.");
    }

    @Test
    void anUnknownOperationIsRefusedByTheEnumConstraint() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operationsWithStrings("Encrypt", "ScheduleKeyDeletion")), KmsException.class, "ValidationException");
    }

    // ---------------------------------------------------------------- principals

    @ParameterizedTest
    @ValueSource(strings = {"111122223333", "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/JaneDoe", "arn:aws:iam::111122223333:role/R",
            "arn:aws:sts::111122223333:assumed-role/Admin/session-name", "arn:aws:sts::111122223333:federated-user/Bob",
            "arn:aws:iam::444455556666:role/cross-account", "logs.us-east-1.amazonaws.com"})
    void grantsNameAnyKindOfPrincipal(String principal) {
        String keyId = newKeyId(kms);

        kms.createGrant(b -> b.keyId(keyId).granteePrincipal(principal).retiringPrincipal(principal)
                .operations(GrantOperation.ENCRYPT));

        GrantListEntry grant = kms.listGrants(b -> b.keyId(keyId)).grants().get(0);
        assertThat(grant.granteePrincipal()).isEqualTo(principal);
        assertThat(grant.retiringPrincipal()).isEqualTo(principal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "arn:aws:iam::111122223333:group/Developers", "arn:aws:s3:::bucket",
            "arn:aws:iam::1111:root"})
    void aStringThatNamesNoPrincipalIsAnInvalidArn(String principal) {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(principal)
                .operations(GrantOperation.ENCRYPT)), InvalidArnException.class, "InvalidArnException",
                "Invalid principal '" + principal + "'");
        assertAwsError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).retiringPrincipal(principal)
                .operations(GrantOperation.ENCRYPT)), InvalidArnException.class, "InvalidArnException",
                "Invalid principal '" + principal + "'");
        assertThat(grantIds(keyId)).isEmpty();
    }

    @Test
    void aGrantNeedsExactlyOneGrantee() {
        String keyId = newKeyId(kms);
        String message = "You must specify either GranteePrincipal or GranteeServicePrincipal, but not both.";

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).operations(GrantOperation.ENCRYPT)), message);
        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .granteeServicePrincipal(SERVICE).retiringPrincipal(ROLE).constraints(c -> c.sourceArn(TABLE))
                .operations(GrantOperation.ENCRYPT)), message);
    }

    @Test
    void aGrantHasAtMostOneRetiringPrincipal() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).retiringPrincipal(ROLE)
                        .retiringServicePrincipal(SERVICE).operations(GrantOperation.ENCRYPT)),
                "You can specify either RetiringPrincipal or RetiringServicePrincipal, but not both.");
    }

    @Test
    void aServicePrincipalGrantNeedsASourceArnAndARetiringPrincipal() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE)
                        .retiringPrincipal(ROLE).operations(GrantOperation.ENCRYPT)),
                "When you specify a GranteeServicePrincipal, you must also specify a SourceArn grant constraint.");
        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE)
                        .constraints(c -> c.sourceArn(TABLE)).operations(GrantOperation.ENCRYPT)),
                "When you specify a GranteeServicePrincipal, you must also specify either a RetiringPrincipal or a "
                        + "RetiringServicePrincipal.");
    }

    @Test
    void aServicePrincipalMustLookLikeOne() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal("dynamodb")
                        .retiringPrincipal(ROLE).constraints(c -> c.sourceArn(TABLE)).operations(GrantOperation.ENCRYPT)),
                "1 validation error detected: Value 'dynamodb' at 'granteeServicePrincipal' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: "
                        + "^([A-Za-z0-9\\-]+)\\.([A-Za-z0-9\\-]+)(\\.[A-Za-z0-9\\-]+)+$");
    }

    @Test
    void aSourceArnMustBeAnArn() {
        String keyId = newKeyId(kms);
        String notAnArn = "dynamodb-table-ExampleTable";

        assertAwsError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .constraints(c -> c.sourceArn(notAnArn)).operations(GrantOperation.ENCRYPT)),
                InvalidArnException.class, "InvalidArnException", "Invalid SourceArn '" + notAnArn + "'");
    }

    // ---------------------------------------------------------------- keys a grant cannot be for

    @Test
    void createGrantRefusesADisabledKey() {
        KeyMetadata key = newKey(kms);
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertAwsError(() -> grant(key.keyId(), USER), DisabledException.class, "DisabledException",
                key.arn() + " is disabled.");
    }

    @Test
    void createGrantRefusesAKeyPendingDeletionOrImport() {
        KeyMetadata pending = newKey(kms);
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(30));
        KeyMetadata external = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();

        assertAwsError(() -> grant(pending.keyId(), USER), KmsInvalidStateException.class, "KMSInvalidStateException",
                pending.arn() + " is pending deletion.");
        assertAwsError(() -> grant(external.keyId(), USER), KmsInvalidStateException.class, "KMSInvalidStateException",
                external.arn() + " is pending import.");
    }

    @Test
    void grantsCanBeListedRetiredAndRevokedWhateverTheKeyState() {
        String keyId = newKeyId(kms);
        String retired = grant(keyId, USER);
        String revoked = grant(keyId, USER);
        String kept = grant(keyId, USER);
        kms.disableKey(b -> b.keyId(keyId));
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(30));

        kms.retireGrant(b -> b.keyId(keyId).grantId(retired));
        kms.revokeGrant(b -> b.keyId(keyId).grantId(revoked));

        assertThat(grantIds(keyId)).containsExactly(kept);
    }

    @Test
    void anAwsManagedKeyTakesNoGrantsFromItsAccount() {
        KeyMetadata managed = kms.describeKey(b -> b.keyId("alias/aws/ebs")).keyMetadata();

        assertAccessDenied(() -> grant(managed.keyId(), USER), notAuthorized(ACCOUNT, "kms:CreateGrant", managed.arn()));
        assertThat(kms.listGrants(b -> b.keyId(managed.keyId())).grants()).isEmpty();
    }

    @Test
    void createGrantNamesItsKeyByKeyIdOrKeyArnOnly() {
        String keyId = newKeyId(kms);
        kms.createAlias(b -> b.aliasName("alias/grants-by-alias").targetKeyId(keyId));

        assertAwsError(() -> grant("alias/grants-by-alias", USER), NotFoundException.class, "NotFoundException",
                "Invalid keyId 'alias/grants-by-alias'");
        assertAwsError(() -> kms.listGrants(b -> b.keyId("alias/grants-by-alias")), NotFoundException.class,
                "NotFoundException", "Invalid keyId 'alias/grants-by-alias'");
    }

    @Test
    void aKeyThatDoesNotExistHasNoGrants() {
        String missing = "1234abcd-12ab-34cd-56ef-1234567890ab";
        String message = "Key '" + keyArn(missing) + "' does not exist";

        assertAwsError(() -> grant(missing, USER), NotFoundException.class, "NotFoundException", message);
        assertAwsError(() -> kms.listGrants(b -> b.keyId(missing)), NotFoundException.class, "NotFoundException",
                message);
        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(missing).grantId("0".repeat(64))),
                NotFoundException.class, "NotFoundException", message);
    }

    // ---------------------------------------------------------------- ListRetirableGrants

    @Test
    void listRetirableGrantsListsTheGrantsOfEveryKeyThatThePrincipalMayRetire() {
        String retiring = "arn:aws:iam::" + ACCOUNT + ":role/retirer-" + System.nanoTime();
        String first = kms.createGrant(b -> b.keyId(newKeyId(kms)).granteePrincipal(USER).retiringPrincipal(retiring)
                .operations(GrantOperation.DECRYPT)).grantId();
        String second = kms.createGrant(b -> b.keyId(newKeyId(kms)).granteePrincipal(USER).retiringPrincipal(retiring)
                .operations(GrantOperation.ENCRYPT)).grantId();
        grant(newKeyId(kms), USER);
        String otherAccount;
        try (KmsClient partner = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            otherAccount = partner.createGrant(b -> b.keyId(newKeyId(partner)).granteePrincipal(USER)
                    .retiringPrincipal(retiring).operations(GrantOperation.DECRYPT)).grantId();
        }
        try (KmsClient elsewhere = trent.client(ACCOUNT, TrentServer.OTHER_REGION)) {
            elsewhere.createGrant(b -> b.keyId(newKeyId(elsewhere)).granteePrincipal(USER).retiringPrincipal(retiring)
                    .operations(GrantOperation.DECRYPT));
        }

        ListRetirableGrantsResponse listed = kms.listRetirableGrants(b -> b.retiringPrincipal(retiring));

        assertThat(listed.grants()).extracting(GrantListEntry::grantId)
                .containsExactlyInAnyOrder(first, second, otherAccount);
        assertThat(listed.grants()).allSatisfy(g -> assertThat(g.retiringPrincipal()).isEqualTo(retiring));
        assertThat(listed.truncated()).isFalse();
    }

    @Test
    void listRetirableGrantsPages() {
        String retiring = "arn:aws:iam::" + ACCOUNT + ":role/pager-" + System.nanoTime();
        String keyId = newKeyId(kms);
        Set<String> created = new HashSet<>();
        IntStream.range(0, 3).forEach(i -> created.add(kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .retiringPrincipal(retiring).operations(GrantOperation.DECRYPT)).grantId()));

        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListRetirableGrantsResponse page = kms.listRetirableGrants(b -> b.retiringPrincipal(retiring).limit(2).marker(from));
            assertThat(page.grants()).hasSizeLessThanOrEqualTo(2);
            page.grants().forEach(g -> seen.add(g.grantId()));
            marker = page.nextMarker();
            assertThat(page.truncated()).isEqualTo(marker != null);
        } while (marker != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listRetirableGrantsByRetiringServicePrincipal() {
        String service = "svc" + System.nanoTime() + ".amazonaws.com";
        String keyId = newKeyId(kms);
        String grantId = kms.createGrant(b -> b.keyId(keyId).granteeServicePrincipal(SERVICE)
                .retiringServicePrincipal(service).constraints(c -> c.sourceArn(TABLE))
                .operations(GrantOperation.DECRYPT)).grantId();

        assertThat(kms.listRetirableGrants(b -> b.retiringServicePrincipal(service)).grants())
                .extracting(GrantListEntry::grantId).containsExactly(grantId);
        assertThat(kms.listRetirableGrants(b -> b.retiringPrincipal(ROLE + "-none")).grants()).isEmpty();
    }

    @Test
    void listRetirableGrantsNeedsExactlyOneRetiringPrincipal() {
        String message = "You must specify either RetiringPrincipal or RetiringServicePrincipal, but not both.";

        assertValidationError(() -> kms.listRetirableGrants(b -> { }), message);
        assertValidationError(() -> kms.listRetirableGrants(b -> b.retiringPrincipal(ROLE)
                .retiringServicePrincipal(SERVICE)), message);
    }

    @Test
    void listRetirableGrantsRefusesAStringThatNamesNoPrincipal() {
        assertAwsError(() -> kms.listRetirableGrants(b -> b.retiringPrincipal("bob")), InvalidArnException.class,
                "InvalidArnException", "Invalid principal 'bob'");
    }

    // ---------------------------------------------------------------- RetireGrant and RevokeGrant

    @Test
    void retireGrantByToken() {
        String keyId = newKeyId(kms);
        String kept = grant(keyId, USER);
        String token = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT)).grantToken();

        kms.retireGrant(b -> b.grantToken(token));

        assertThat(grantIds(keyId)).containsExactly(kept);
    }

    @Test
    void retireGrantByKeyIdOrKeyArnAndGrantId() {
        KeyMetadata key = newKey(kms);
        String byId = grant(key.keyId(), USER);
        String byArn = grant(key.keyId(), USER);

        kms.retireGrant(b -> b.keyId(key.keyId()).grantId(byId));
        kms.retireGrant(b -> b.keyId(key.arn()).grantId(byArn));

        assertThat(grantIds(key.keyId())).isEmpty();
    }

    @Test
    void aTokenRetiresTheGrantOfAKeyInAnotherAccount() {
        String token;
        String keyId;
        try (KmsClient partner = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            keyId = newKeyId(partner);
            // the retiring principal is this test's account, whose root the caller is (with policies enforced,
            // an account's root does not act as its users)
            token = partner.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).retiringPrincipal(ACCOUNT)
                    .operations(GrantOperation.DECRYPT)).grantToken();

            kms.retireGrant(b -> b.grantToken(token));

            assertThat(partner.listGrants(b -> b.keyId(keyId)).grants()).isEmpty();
        }
    }

    @Test
    void aTokenOfAnotherRegionIsNoGrantTokenHere() {
        String token;
        try (KmsClient elsewhere = trent.client(ACCOUNT, TrentServer.OTHER_REGION)) {
            token = elsewhere.createGrant(b -> b.keyId(newKeyId(elsewhere)).granteePrincipal(USER)
                    .operations(GrantOperation.DECRYPT)).grantToken();
        }

        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(token)), InvalidGrantTokenException.class,
                "InvalidGrantTokenException", "Invalid grant token");
    }

    @Test
    void retireGrantNeedsATokenOrAKeyAndAGrantId() {
        String keyId = newKeyId(kms);
        String grantId = grant(keyId, USER);
        String message = "Grant token OR (grant ID, key ID) must be specified";

        assertValidationError(() -> kms.retireGrant(b -> { }), message);
        assertValidationError(() -> kms.retireGrant(b -> b.keyId(keyId)), message);
        assertValidationError(() -> kms.retireGrant(b -> b.grantId(grantId)), message);
        assertThat(grantIds(keyId)).containsExactly(grantId);
    }

    @Test
    void retireGrantRefusesATokenAndAGrantIdOrKeyIdOfAnotherGrant() {
        String keyId = newKeyId(kms);
        String other = grant(keyId, USER);
        String token = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT)).grantToken();

        String otherKeyId = newKeyId(kms);

        assertValidationError(() -> kms.retireGrant(b -> b.grantToken(token).keyId(keyId).grantId(other)),
                "The grant token and the GrantId identify different grants.");
        assertValidationError(() -> kms.retireGrant(b -> b.grantToken(token).keyId(otherKeyId)),
                "The grant token and the KeyId identify different keys.");
        assertThat(grantIds(keyId)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-grant-token", "AQpAM2RhZTk1MGMy", "!!!!"})
    void retireGrantRefusesAStringThatIsNoGrantToken(String token) {
        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(token)), InvalidGrantTokenException.class,
                "InvalidGrantTokenException", "Invalid grant token");
    }

    @Test
    void retiringOrRevokingAGrantThatIsGoneIsNotFound() {
        String keyId = newKeyId(kms);
        CreateGrantResponse created = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT));
        kms.revokeGrant(b -> b.keyId(keyId).grantId(created.grantId()));
        String message = "Grant '" + created.grantId() + "' does not exist";

        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(keyId).grantId(created.grantId())), NotFoundException.class,
                "NotFoundException", message);
        assertAwsError(() -> kms.retireGrant(b -> b.keyId(keyId).grantId(created.grantId())), NotFoundException.class,
                "NotFoundException", message);
        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(created.grantToken())), NotFoundException.class,
                "NotFoundException", message);
    }

    @Test
    void revokeGrantRemovesTheGrant() {
        KeyMetadata key = newKey(kms);
        String revoked = grant(key.keyId(), USER);
        String kept = grant(key.keyId(), USER);

        kms.revokeGrant(b -> b.keyId(key.arn()).grantId(revoked));

        assertThat(grantIds(key.keyId())).containsExactly(kept);
    }

    @Test
    void revokeAndRetireRefuseAMalformedGrantId() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(keyId).grantId("abc")), InvalidGrantIdException.class,
                "InvalidGrantIdException", "Invalid grantId 'abc'");
        assertAwsError(() -> kms.retireGrant(b -> b.keyId(keyId).grantId("abc")), InvalidGrantIdException.class,
                "InvalidGrantIdException", "Invalid grantId 'abc'");
    }

    @Test
    void aGrantIsRevokedOnlyThroughItsOwnKey() {
        String keyId = newKeyId(kms);
        String otherKeyId = newKeyId(kms);
        String grantId = grant(keyId, USER);

        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(otherKeyId).grantId(grantId)), NotFoundException.class,
                "NotFoundException", "Grant '" + grantId + "' does not exist");
        assertThat(grantIds(keyId)).containsExactly(grantId);
    }

    // ---------------------------------------------------------------- DryRun

    @Test
    void createGrantWithDryRunStoresNothing() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                        .operations(GrantOperation.ENCRYPT).dryRun(true)), DryRunOperationException.class,
                "DryRunOperationException", DRY_RUN_MESSAGE);

        assertThat(grantIds(keyId)).isEmpty();
    }

    @Test
    void createGrantWithDryRunStillChecksTheRequest() {
        String keyId = newKeyId(kms);

        assertValidationError(() -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.SIGN).dryRun(true)), "Grant operation Sign is not supported by "
                + keyArn(keyId) + " with key spec SYMMETRIC_DEFAULT and key usage ENCRYPT_DECRYPT.");
    }

    @Test
    void retireGrantWithDryRunKeepsTheGrant() {
        String keyId = newKeyId(kms);
        CreateGrantResponse created = kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                .operations(GrantOperation.DECRYPT));

        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(created.grantToken()).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);
        assertAwsError(() -> kms.retireGrant(b -> b.keyId(keyId).grantId(created.grantId()).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);

        assertThat(grantIds(keyId)).containsExactly(created.grantId());
    }

    @Test
    void revokeGrantWithDryRunKeepsTheGrant() {
        String keyId = newKeyId(kms);
        String grantId = grant(keyId, USER);

        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(keyId).grantId(grantId).dryRun(true)),
                DryRunOperationException.class, "DryRunOperationException", DRY_RUN_MESSAGE);

        assertThat(grantIds(keyId)).containsExactly(grantId);
    }

    @Test
    void dryRunOfAGrantThatIsGoneIsNotFound() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.revokeGrant(b -> b.keyId(keyId).grantId("1".repeat(64)).dryRun(true)),
                NotFoundException.class, "NotFoundException", "Grant '" + "1".repeat(64) + "' does not exist");
    }

    // ---------------------------------------------------------------- grants end with their key

    @Test
    void theGrantsOfADeletedKeyAreGone() {
        String retiring = "arn:aws:iam::" + ACCOUNT + ":role/deleted-" + System.nanoTime();
        KeyMetadata key = newKey(kms);
        String token = kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(USER).retiringPrincipal(retiring)
                .operations(GrantOperation.DECRYPT)).grantToken();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        assertThat(kms.listGrants(b -> b.keyId(key.keyId())).grants()).hasSize(1);

        trent.trent().clock().advance(Duration.ofDays(7).plusMinutes(1));

        String message = "Key '" + key.arn() + "' does not exist";
        assertAwsError(() -> kms.listGrants(b -> b.keyId(key.keyId())), NotFoundException.class, "NotFoundException",
                message);
        assertThat(kms.listRetirableGrants(b -> b.retiringPrincipal(retiring)).grants()).isEmpty();
        assertAwsError(() -> kms.retireGrant(b -> b.grantToken(token)), NotFoundException.class, "NotFoundException",
                message);
    }

    // ---------------------------------------------------------------- grant tokens in other operations

    @Test
    void everyOperationThatTakesGrantTokensAcceptsThem() throws Exception {
        String symmetric = newKeyId(kms);
        List<String> tokens = List.of(token(symmetric), token(newKeyId(kms)));
        String signing = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata().keyId();
        String mac = kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).keyMetadata().keyId();
        String agreement = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("KEY_AGREEMENT")).keyMetadata()
                .keyId();
        String kem = kms.createKey(b -> b.keySpec("ML_KEM_768").keyUsage("ENCAPSULATE_DECAPSULATE")).keyMetadata()
                .keyId();
        SdkBytes data = SdkBytes.fromUtf8String("grant tokens");

        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(symmetric).plaintext(data).grantTokens(tokens)).ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext).grantTokens(tokens)).plaintext()).isEqualTo(data);
        kms.reEncrypt(b -> b.ciphertextBlob(ciphertext).destinationKeyId(symmetric).grantTokens(tokens));
        kms.generateDataKey(b -> b.keyId(symmetric).keySpec("AES_256").grantTokens(tokens));
        kms.generateDataKeyWithoutPlaintext(b -> b.keyId(symmetric).keySpec("AES_256").grantTokens(tokens));
        kms.generateDataKeyPair(b -> b.keyId(symmetric).keyPairSpec("ECC_NIST_P256").grantTokens(tokens));
        kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(symmetric).keyPairSpec("ECC_NIST_P256")
                .grantTokens(tokens));
        kms.describeKey(b -> b.keyId(symmetric).grantTokens(tokens));
        kms.createGrant(b -> b.keyId(symmetric).granteePrincipal(USER).operations(GrantOperation.DECRYPT)
                .grantTokens(tokens));
        SdkBytes signature = kms.sign(b -> b.keyId(signing).message(data).signingAlgorithm("ECDSA_SHA_256")
                .grantTokens(tokens)).signature();
        assertThat(kms.verify(b -> b.keyId(signing).message(data).signature(signature)
                .signingAlgorithm("ECDSA_SHA_256").grantTokens(tokens)).signatureValid()).isTrue();
        kms.getPublicKey(b -> b.keyId(signing).grantTokens(tokens));
        SdkBytes tag = kms.generateMac(b -> b.keyId(mac).message(data).macAlgorithm("HMAC_SHA_256")
                .grantTokens(tokens)).mac();
        assertThat(kms.verifyMac(b -> b.keyId(mac).message(data).mac(tag).macAlgorithm("HMAC_SHA_256")
                .grantTokens(tokens)).macValid()).isTrue();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        SdkBytes peer = SdkBytes.fromByteArray(generator.generateKeyPair().getPublic().getEncoded());
        kms.deriveSharedSecret(b -> b.keyId(agreement).keyAgreementAlgorithm("ECDH").publicKey(peer)
                .grantTokens(tokens));
        var encapsulated = kms.encapsulate(b -> b.keyId(kem).encapsulationAlgorithm("ML_KEM").grantTokens(tokens));
        assertThat(kms.decapsulate(b -> b.keyId(kem).encapsulationAlgorithm("ML_KEM")
                .sharedSecretCiphertextBlob(encapsulated.sharedSecretCiphertextBlob()).grantTokens(tokens))
                .sharedSecret()).isEqualTo(encapsulated.sharedSecret());
    }

    @Test
    void theTokenOfARetiredGrantIsStillAGrantToken() {
        String keyId = newKeyId(kms);
        String token = token(keyId);
        kms.retireGrant(b -> b.grantToken(token));

        assertThat(kms.describeKey(b -> b.keyId(keyId).grantTokens(token)).keyMetadata().keyId()).isEqualTo(keyId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Encrypt", "DescribeKey", "GenerateDataKey", "CreateGrant", "GetPublicKey"})
    void aGrantTokenThatIsNoGrantTokenIsRefused(String operation) {
        String keyId = newKeyId(kms);
        List<String> tokens = List.of(token(keyId), "not-a-grant-token");

        assertAwsError(() -> {
            switch (operation) {
                case "Encrypt" -> kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))
                        .grantTokens(tokens));
                case "DescribeKey" -> kms.describeKey(b -> b.keyId(keyId).grantTokens(tokens));
                case "GenerateDataKey" -> kms.generateDataKey(b -> b.keyId(keyId).keySpec("AES_256")
                        .grantTokens(tokens));
                case "CreateGrant" -> kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER)
                        .operations(GrantOperation.DECRYPT).grantTokens(tokens));
                default -> {
                    String signing = kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY"))
                            .keyMetadata().keyId();
                    kms.getPublicKey(b -> b.keyId(signing).grantTokens(tokens));
                }
            }
        }, InvalidGrantTokenException.class, "InvalidGrantTokenException", "Invalid grant token");
    }

    // ---------------------------------------------------------------- helpers

    private String grant(String keyId, String grantee) {
        return kms.createGrant(b -> b.keyId(keyId).granteePrincipal(grantee).operations(GrantOperation.DECRYPT))
                .grantId();
    }

    private String token(String keyId) {
        return kms.createGrant(b -> b.keyId(keyId).granteePrincipal(USER).operations(GrantOperation.DECRYPT))
                .grantToken();
    }

    private List<String> grantIds(String keyId) {
        return kms.listGrants(b -> b.keyId(keyId).limit(100)).grants().stream().map(GrantListEntry::grantId).toList();
    }
}
