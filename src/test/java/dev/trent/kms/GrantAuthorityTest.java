package dev.trent.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.policy.RequestPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GrantAuthority's rules as the KMS Developer Guide writes them ("Grants in AWS KMS", "Creating
 * grants": grant constraints and "Granting CreateGrant permission").
 */
class GrantAuthorityTest {
    private static final String ACCOUNT = "111122223333";
    private static final String APP = "arn:aws:iam::" + ACCOUNT + ":role/app";
    private static final Scope SCOPE = new Scope(ACCOUNT, "us-east-1");
    private static final Map<String, String> IT = Map.of("Department", "IT");
    private static final Map<String, String> IT_OPS = Map.of("Department", "IT", "Team", "Ops");

    private static GrantConstraints subset(Map<String, String> pairs) {
        return new GrantConstraints(pairs, null, null);
    }

    private static GrantConstraints equalTo(Map<String, String> pairs) {
        return new GrantConstraints(null, pairs, null);
    }

    private static Grant grant(String grantee, GrantConstraints constraints, GrantOperation... operations) {
        return new Grant(SCOPE, "1234abcd-12ab-34cd-56ef-1234567890ab", "a".repeat(64), null, Instant.EPOCH, grantee,
                null, null, null, SCOPE.rootPrincipal(), List.of(operations), constraints);
    }

    private static CreateGrantCommand child(GrantConstraints constraints, GrantOperation... operations) {
        return new CreateGrantCommand("1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:iam::" + ACCOUNT + ":role/other",
                null, null, null, List.of(operations), constraints, null, false);
    }

    // ---------------------------------------------------------------- constraints met by a request

    static Stream<Arguments> constraintCases() {
        return Stream.of(
                Arguments.of(GrantConstraints.NONE, Map.of(), true),
                Arguments.of(GrantConstraints.NONE, IT, true),
                Arguments.of(subset(IT), IT, true),
                Arguments.of(subset(IT), IT_OPS, true),
                Arguments.of(subset(IT), Map.of(), false),
                Arguments.of(subset(IT), Map.of("department", "IT"), false),
                Arguments.of(subset(IT), Map.of("Department", "it"), false),
                Arguments.of(subset(IT_OPS), IT, false),
                Arguments.of(equalTo(IT), IT, true),
                Arguments.of(equalTo(IT), IT_OPS, false),
                Arguments.of(equalTo(IT), Map.of(), false),
                Arguments.of(equalTo(IT_OPS), Map.of("Team", "Ops", "Department", "IT"), true));
    }

    @ParameterizedTest(name = "{0} with context {1}: {2}")
    @MethodSource("constraintCases")
    void encryptionContextConstraintsAreMetAsAwsDocumentsThem(GrantConstraints constraints, Map<String, String> context,
            boolean met) {
        assertThat(GrantAuthority.meets(constraints, context)).isEqualTo(met);
    }

    // ---------------------------------------------------------------- child grants

    static Stream<Arguments> strictnessCases() {
        return Stream.of(
                Arguments.of(GrantConstraints.NONE, GrantConstraints.NONE, true),
                Arguments.of(GrantConstraints.NONE, subset(IT), true),
                Arguments.of(GrantConstraints.NONE, equalTo(IT), true),
                Arguments.of(subset(IT), subset(IT), true),
                Arguments.of(subset(IT), subset(IT_OPS), true),
                Arguments.of(subset(IT), equalTo(IT), true),
                Arguments.of(subset(IT), equalTo(IT_OPS), true),
                Arguments.of(subset(IT), GrantConstraints.NONE, false),
                Arguments.of(subset(IT_OPS), subset(IT), false),
                Arguments.of(subset(IT), subset(Map.of("Department", "Finance")), false),
                Arguments.of(subset(IT), equalTo(Map.of("Team", "Ops")), false),
                Arguments.of(equalTo(IT), equalTo(IT), true),
                Arguments.of(equalTo(IT), subset(IT), false),
                Arguments.of(equalTo(IT), equalTo(IT_OPS), false),
                Arguments.of(equalTo(IT), GrantConstraints.NONE, false),
                Arguments.of(new GrantConstraints(null, null, "arn:aws:s3:::bucket"),
                        new GrantConstraints(null, null, "arn:aws:s3:::bucket"), true),
                Arguments.of(new GrantConstraints(null, null, "arn:aws:s3:::bucket"), GrantConstraints.NONE, false));
    }

    @ParameterizedTest(name = "parent {0}, child {1}: {2}")
    @MethodSource("strictnessCases")
    void aChildGrantsConstraintsMustBeAtLeastAsStrictAsItsParents(GrantConstraints parent, GrantConstraints child,
            boolean strictEnough) {
        assertThat(GrantAuthority.atLeastAsStrict(child, parent)).isEqualTo(strictEnough);
    }

    @Test
    void aChildGrantAllowsSomeOrAllOfItsParentsOperations() {
        Grant parent = grant(APP, GrantConstraints.NONE, GrantOperation.GenerateDataKey, GrantOperation.Decrypt,
                GrantOperation.CreateGrant);

        assertThat(GrantAuthority.delegates(parent, child(GrantConstraints.NONE, GrantOperation.Decrypt))).isTrue();
        assertThat(GrantAuthority.delegates(parent, child(GrantConstraints.NONE, GrantOperation.CreateGrant,
                GrantOperation.Decrypt, GrantOperation.GenerateDataKey))).isTrue();
        assertThat(GrantAuthority.delegates(parent, child(GrantConstraints.NONE, GrantOperation.Decrypt,
                GrantOperation.ReEncryptFrom))).isFalse();
        assertThat(GrantAuthority.delegates(grant(APP, subset(IT), GrantOperation.Decrypt, GrantOperation.CreateGrant),
                child(GrantConstraints.NONE, GrantOperation.Decrypt))).isFalse();
    }

    // ---------------------------------------------------------------- allows

    private static boolean allows(List<Grant> grants, String caller, boolean identityAllows, String action,
            Map<String, String> context) {
        return GrantAuthority.allows(grants, RequestPrincipal.aws(caller), identityAllows, action, context, null);
    }

    @Test
    void aGrantAllowsItsOperationsToItsGranteeAndTheRolesSessions() {
        List<Grant> grants = List.of(grant(APP, GrantConstraints.NONE, GrantOperation.Decrypt));

        assertThat(allows(grants, APP, false, "kms:Decrypt", Map.of())).isTrue();
        assertThat(allows(grants, "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/session", false, "kms:Decrypt", Map.of()))
                .isTrue();
        assertThat(allows(grants, APP, false, "kms:Encrypt", Map.of())).isFalse();
        assertThat(allows(grants, "arn:aws:iam::" + ACCOUNT + ":role/other", true, "kms:Decrypt", Map.of())).isFalse();
        assertThat(allows(grants, SCOPE.rootPrincipal(), true, "kms:Decrypt", Map.of())).isFalse();
    }

    @Test
    void onlyGrantOperationsCanBeAllowedByAGrant() {
        List<Grant> grants = List.of(grant(APP, GrantConstraints.NONE, GrantOperation.values()));

        assertThat(allows(grants, APP, false, "kms:RevokeGrant", Map.of())).isFalse();
        assertThat(allows(grants, APP, false, "kms:ListGrants", Map.of())).isFalse();
        assertThat(allows(grants, APP, false, "kms:ScheduleKeyDeletion", Map.of())).isFalse();
        assertThat(allows(grants, APP, false, "kms:PutKeyPolicy", Map.of())).isFalse();
        assertThat(allows(grants, APP, false, "kms:GetPublicKey", Map.of())).isTrue();
    }

    @Test
    void aGrantToAnAccountServesItsRootAndThePrincipalsItsIamPoliciesAllow() {
        String partnerRole = "arn:aws:iam::444455556666:role/partner";
        for (String grantee : List.of("444455556666", "arn:aws:iam::444455556666:root")) {
            List<Grant> grants = List.of(grant(grantee, GrantConstraints.NONE, GrantOperation.Decrypt));

            assertThat(allows(grants, "arn:aws:iam::444455556666:root", true, "kms:Decrypt", Map.of())).isTrue();
            assertThat(allows(grants, partnerRole, true, "kms:Decrypt", Map.of())).isTrue();
            assertThat(allows(grants, partnerRole, false, "kms:Decrypt", Map.of())).isFalse();
            assertThat(allows(grants, APP, true, "kms:Decrypt", Map.of())).isFalse();
        }
    }

    @Test
    void encryptionContextConstraintsBindTheCryptographicOperationsOnly() {
        List<Grant> grants = List.of(grant(APP, subset(IT), GrantOperation.Decrypt, GrantOperation.DescribeKey,
                GrantOperation.RetireGrant));

        assertThat(allows(grants, APP, false, "kms:Decrypt", IT)).isTrue();
        assertThat(allows(grants, APP, false, "kms:Decrypt", Map.of())).isFalse();
        assertThat(allows(grants, APP, false, "kms:DescribeKey", Map.of())).isTrue();
        assertThat(allows(grants, APP, false, "kms:RetireGrant", Map.of())).isTrue();
    }

    @Test
    void createGrantIsAllowedByAGrantForTheChildGrantsItMayDelegateOnly() {
        List<Grant> grants = List.of(grant(APP, subset(IT), GrantOperation.Decrypt, GrantOperation.CreateGrant));
        RequestPrincipal app = RequestPrincipal.aws(APP);

        assertThat(GrantAuthority.allows(grants, app, false, "kms:CreateGrant", Map.of(),
                child(subset(IT_OPS), GrantOperation.Decrypt))).isTrue();
        assertThat(GrantAuthority.allows(grants, app, false, "kms:CreateGrant", IT,
                child(GrantConstraints.NONE, GrantOperation.Decrypt))).isFalse();
        assertThat(GrantAuthority.allows(grants, app, false, "kms:CreateGrant", Map.of(), null)).isFalse();
    }

    @Test
    void anyOfSeveralGrantsMayAllowTheRequest() {
        List<Grant> grants = List.of(grant(APP, equalTo(IT), GrantOperation.Decrypt),
                grant(APP, equalTo(Map.of("Department", "Finance")), GrantOperation.Decrypt));

        assertThat(allows(grants, APP, false, "kms:Decrypt", Map.of("Department", "Finance"))).isTrue();
        assertThat(allows(grants, APP, false, "kms:Decrypt", IT)).isTrue();
        assertThat(allows(grants, APP, false, "kms:Decrypt", Map.of("Department", "Legal"))).isFalse();
    }
}
