package dev.trent.policy;

import static dev.trent.policy.Req.ALICE;
import static dev.trent.policy.Req.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several documents together (IAM User Guide, "Policy evaluation logic": explicit deny, then allow, else implicit deny) and the cache. */
class CombinationAndCacheTest {
    private static final String KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    private static final String ALLOW_ENCRYPT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Use\",\"Effect\":\"Allow\","
            + "\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"arn:aws:kms:us-east-1:111122223333:key/*\"}]}";
    private static final String DENY_DECRYPT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDecrypt\",\"Effect\":\"Deny\","
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";

    private final PolicyCache cache = new PolicyCache(2);

    private Evaluation all(String action) {
        RequestContext request = Req.of(ALICE, action, KEY).build();
        return Evaluation.combine(List.of(
                cache.get(KEY_POLICY).evaluate(request),
                cache.get(ALLOW_ENCRYPT, PolicyKind.IDENTITY).evaluate(request),
                cache.get(DENY_DECRYPT, PolicyKind.IDENTITY).evaluate(request)));
    }

    @Test
    void explicitDenyInAnyDocumentWins() {
        Evaluation decrypt = all("kms:Decrypt");
        assertThat(decrypt.decision()).isEqualTo(Decision.DENY);
        assertThat(decrypt.statement().sid()).isEqualTo("NoDecrypt");
        assertThat(decrypt.statement().principalMatch()).isEqualTo(PrincipalMatch.ATTACHED);
    }

    @Test
    void anAllowWithoutDenyAllows() {
        Evaluation encrypt = all("kms:Encrypt");
        assertThat(encrypt.decision()).isEqualTo(Decision.ALLOW);
        // The identity policy's allow names the caller; the key policy's only its account.
        assertThat(encrypt.statement().sid()).isEqualTo("Use");
        assertThat(encrypt.allowedOnlyThroughAccount()).isFalse();
    }

    @Test
    void keyPolicyAloneAllowsThroughTheAccount() {
        Evaluation evaluation = cache.get(KEY_POLICY).evaluate(Req.of(ALICE, "kms:Sign", KEY).build());
        assertThat(evaluation.allowedOnlyThroughAccount()).isTrue();
        assertThat(Evaluation.combine(evaluation, Evaluation.NOT_APPLICABLE).statement().sid()).isEqualTo("Root");
    }

    @Test
    void nothingApplyingIsAnImplicitDeny() {
        assertThat(Evaluation.combine(Evaluation.NOT_APPLICABLE, Evaluation.NOT_APPLICABLE).decision()).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(Evaluation.combine(List.of()).decision()).isEqualTo(Decision.NOT_APPLICABLE);
        RequestContext sign = Req.of(ALICE, "kms:Sign", KEY).build();
        assertThat(cache.get(ALLOW_ENCRYPT, PolicyKind.IDENTITY).evaluate(sign).decision()).isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void cacheParsesEachTextOnceAndStaysBounded() {
        PolicyDocument first = cache.get(KEY_POLICY);
        assertThat(cache.get(KEY_POLICY)).isSameAs(first);
        assertThat(cache.get(KEY_POLICY, PolicyKind.RESOURCE)).isSameAs(first);
        cache.get(ALLOW_ENCRYPT, PolicyKind.IDENTITY);
        cache.get(KEY_POLICY);
        cache.get(DENY_DECRYPT, PolicyKind.IDENTITY);
        assertThat(cache.size()).isEqualTo(2);
        // The least recently used one (ALLOW_ENCRYPT) went; the key policy stayed.
        assertThat(cache.get(KEY_POLICY)).isSameAs(first);
    }

    @Test
    void cacheKeepsNoMalformedDocument() {
        assertThatThrownBy(() -> cache.get("{}")).isInstanceOf(MalformedPolicyException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void sameTextAsAnotherKindIsParsedForThatKind() {
        // A key policy's text as an identity policy is refused: it names a principal.
        cache.get(KEY_POLICY);
        assertThatThrownBy(() -> cache.get(KEY_POLICY, PolicyKind.IDENTITY)).isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void requestContextFillsPrincipalKeys() {
        RequestContext request = Req.of(ALICE, "kms:Encrypt", KEY).build();
        assertThat(request.values("aws:principalarn")).containsExactly(ALICE);
        assertThat(request.values("AWS:PrincipalAccount")).containsExactly("111122223333");
        assertThat(request.values("aws:username")).containsExactly("Alice");
        assertThat(request.values("aws:PrincipalType")).containsExactly("User");
        assertThat(request.values("kms:CallerAccount")).isNull();
    }

    @Test
    void encryptionContextKeysDifferingInCaseShareOneConditionKey() {
        RequestContext request = RequestContext.builder().principal(RequestPrincipal.aws(ALICE)).action("kms:Decrypt").resource(KEY)
                .add("kms:EncryptionContext:Dept", "IT").add("kms:EncryptionContext:dept", "HR").build();
        assertThat(request.values("kms:encryptioncontext:DEPT")).containsExactly("IT", "HR");
    }
}
