package dev.trent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.api.Operation;
import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.kms.Scope;
import org.junit.jupiter.api.Test;

/**
 * AWS KMS's default key policy (KMS Developer Guide, "Default key policy": the statement "Enable IAM
 * User Permissions" gives the account, arn:aws:iam::ACCOUNT:root, every kms:* action on the key).
 */
class DefaultKeyPolicyTest {
    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String KEY = SCOPE.keyArn("1234abcd-12ab-34cd-56ef-1234567890ab");
    private final PolicyDocument policy = PolicyDocument.parse(DefaultKeyPolicy.forScope(SCOPE));

    @Test
    void parsesAsAws2012Document() {
        assertThat(policy.version()).isEqualTo("2012-10-17");
        assertThat(policy.id()).isEqualTo("key-default-1");
        assertThat(policy.statementCount()).isEqualTo(1);
    }

    @Test
    void allowsTheAccountsPrincipalsEveryKmsActionThroughTheAccount() {
        for (String principal : new String[] {"arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/Alice",
                "arn:aws:sts::111122223333:assumed-role/app/session"}) {
            for (Operation operation : Operation.values()) {
                Evaluation evaluation = policy.evaluate(RequestContext.builder()
                        .principal(RequestPrincipal.aws(principal)).action("kms:" + operation.awsName()).resource(KEY).build());
                assertThat(evaluation.decision()).as(principal + " kms:" + operation.awsName()).isEqualTo(Decision.ALLOW);
                assertThat(evaluation.statement().sid()).isEqualTo("Enable IAM User Permissions");
                assertThat(evaluation.allowedOnlyThroughAccount()).isTrue();
            }
        }
    }

    @Test
    void allowsNothingToAnotherAccountOrService() {
        RequestContext stranger = RequestContext.builder().principal(RequestPrincipal.aws("arn:aws:iam::444455556666:root"))
                .action("kms:Decrypt").resource(KEY).build();
        RequestContext service = RequestContext.builder().principal(RequestPrincipal.service("s3.amazonaws.com"))
                .action("kms:Decrypt").resource(KEY).build();
        RequestContext otherService = RequestContext.builder().principal(RequestPrincipal.aws("arn:aws:iam::111122223333:root"))
                .action("s3:GetObject").resource(KEY).build();
        assertThat(policy.evaluate(stranger).decision()).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(policy.evaluate(service).decision()).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(policy.evaluate(otherService).decision()).isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void chinaPartitionPolicyNamesItsOwnRoot() {
        Scope china = new Scope("111122223333", "cn-north-1");
        PolicyDocument cn = PolicyDocument.parse(DefaultKeyPolicy.forScope(china));
        assertThat(cn.allows(RequestContext.builder().principal(RequestPrincipal.aws("arn:aws-cn:iam::111122223333:user/Li"))
                .action("kms:Encrypt").resource(china.keyArn("k")).build())).isTrue();
    }
}
