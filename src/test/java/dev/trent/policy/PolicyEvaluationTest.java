package dev.trent.policy;

import static dev.trent.policy.Req.ALICE;
import static dev.trent.policy.Req.BOB;
import static dev.trent.policy.Req.KEY;
import static dev.trent.policy.Req.OTHER_KEY;
import static dev.trent.policy.Req.ROOT;
import static dev.trent.policy.Req.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy documents x request contexts x expected decisions: principals, actions, resources, explicit
 * deny, the Not- elements and policy variables. Sources are named per group.
 */
class PolicyEvaluationTest {
    private static final Decision ALLOW = Decision.ALLOW;
    private static final Decision DENY = Decision.DENY;
    private static final Decision NONE = Decision.NOT_APPLICABLE;

    static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String allow(String sid, String principal, String action, String resource) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":" + resource + "}";
    }

    static String deny(String sid, String principal, String action, String resource) {
        return allow(sid, principal, action, resource).replace("\"Allow\"", "\"Deny\"");
    }

    static String aws(String... principals) {
        return principals.length == 1 ? "{\"AWS\":\"" + principals[0] + "\"}"
                : "{\"AWS\":[\"" + String.join("\",\"", principals) + "\"]}";
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static Stream<Arguments> table() {
        String encrypt = "kms:Encrypt";
        return Stream.of(
                // Principal element (IAM User Guide, reference_policies_elements_principal).
                arguments("Principal * is anyone", doc(allow("S", q("*"), q("kms:*"), q("*"))), Req.of(STRANGER, encrypt, KEY), ALLOW, "S", PrincipalMatch.ANYONE),
                arguments("AWS * is anyone", doc(allow("S", aws("*"), q("kms:*"), q("*"))), Req.of(STRANGER, encrypt, KEY), ALLOW, "S", PrincipalMatch.ANYONE),
                arguments("Principal * takes services too", doc(allow("S", q("*"), q("kms:*"), q("*"))), Req.service("ec2.amazonaws.com", encrypt), ALLOW, "S", PrincipalMatch.ANYONE),
                arguments("account id is the account's principals", doc(allow("S", aws("111122223333"), q("kms:*"), q("*"))), Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.ACCOUNT),
                arguments("account id, other account", doc(allow("S", aws("111122223333"), q("kms:*"), q("*"))), Req.of(STRANGER, encrypt, KEY), NONE, null, null),
                arguments("root ARN is the account", doc(allow("S", aws(ROOT), q("kms:*"), q("*"))), Req.of(BOB, encrypt, KEY), ALLOW, "S", PrincipalMatch.ACCOUNT),
                arguments("root ARN, the root itself", doc(allow("S", aws(ROOT), q("kms:*"), q("*"))), Req.of(ROOT, encrypt, KEY), ALLOW, "S", PrincipalMatch.ACCOUNT),
                arguments("user ARN, that user", doc(allow("S", aws(ALICE), q("kms:*"), q("*"))), Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("user ARN, another user", doc(allow("S", aws(ALICE), q("kms:*"), q("*"))), Req.of(BOB, encrypt, KEY), NONE, null, null),
                arguments("user ARN, the account root", doc(allow("S", aws(ALICE), q("kms:*"), q("*"))), Req.of(ROOT, encrypt, KEY), NONE, null, null),
                arguments("list of principals", doc(allow("S", aws(BOB, ALICE), q("kms:*"), q("*"))), Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("role ARN applies to its sessions", doc(allow("S", aws("arn:aws:iam::111122223333:role/team/app"), q("kms:*"), q("*"))),
                        Req.of("arn:aws:sts::111122223333:assumed-role/app/session-1", encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("role ARN, another role's session", doc(allow("S", aws("arn:aws:iam::111122223333:role/app"), q("kms:*"), q("*"))),
                        Req.of("arn:aws:sts::111122223333:assumed-role/admin/session-1", encrypt, KEY), NONE, null, null),
                arguments("session ARN, that session", doc(allow("S", aws("arn:aws:sts::111122223333:assumed-role/app/s1"), q("kms:*"), q("*"))),
                        Req.of("arn:aws:sts::111122223333:assumed-role/app/s1", encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("service principal", doc(allow("S", "{\"Service\":\"ec2.amazonaws.com\"}", q("kms:*"), q("*"))), Req.service("ec2.amazonaws.com", encrypt), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("service principal, other service", doc(allow("S", "{\"Service\":[\"ec2.amazonaws.com\"]}", q("kms:*"), q("*"))), Req.service("s3.amazonaws.com", encrypt), NONE, null, null),
                arguments("service principal is no AWS principal", doc(allow("S", "{\"Service\":\"ec2.amazonaws.com\"}", q("kms:*"), q("*"))), Req.of(ALICE, encrypt, KEY), NONE, null, null),
                arguments("prefer the statement naming the caller over the account",
                        doc(allow("Account", aws(ROOT), q("kms:*"), q("*")), allow("Alice", aws(ALICE), q("kms:Encrypt"), q("*"))),
                        Req.of(ALICE, encrypt, KEY), ALLOW, "Alice", PrincipalMatch.EXACT),

                // NotPrincipal (reference_policies_elements_notprincipal: list the account ARN too).
                arguments("NotPrincipal Deny spares the listed user",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":" + aws(BOB, ROOT) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of(BOB, encrypt, KEY), ALLOW, "All", PrincipalMatch.ANYONE),
                arguments("NotPrincipal Deny denies the others",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":" + aws(BOB, ROOT) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of(ALICE, encrypt, KEY), DENY, "D", PrincipalMatch.NOT_PRINCIPAL),
                arguments("NotPrincipal without the account ARN denies the user too",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":" + aws(BOB) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of(BOB, encrypt, KEY), DENY, "D", PrincipalMatch.NOT_PRINCIPAL),
                arguments("NotPrincipal with role and account spares the role's session",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":"
                                + aws("arn:aws:iam::111122223333:role/app", ROOT) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of("arn:aws:sts::111122223333:assumed-role/app/s1", encrypt, KEY), ALLOW, "All", PrincipalMatch.ANYONE),
                arguments("NotPrincipal account id spares its root",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":" + aws("111122223333") + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of(ROOT, encrypt, KEY), ALLOW, "All", PrincipalMatch.ANYONE),
                arguments("NotPrincipal Deny, another account",
                        doc(allow("All", q("*"), q("kms:*"), q("*")), "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":" + aws(BOB, ROOT) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"),
                        Req.of(STRANGER, encrypt, KEY), DENY, "D", PrincipalMatch.NOT_PRINCIPAL),

                // Action / NotAction (reference_policies_elements_action: wildcards, case-insensitive).
                arguments("exact action", doc(allow("S", aws(ALICE), q("kms:Encrypt"), q("*"))), Req.of(ALICE, "kms:Encrypt", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("other action", doc(allow("S", aws(ALICE), q("kms:Encrypt"), q("*"))), Req.of(ALICE, "kms:Decrypt", KEY), NONE, null, null),
                arguments("action case-insensitive", doc(allow("S", aws(ALICE), q("KMS:encrypt"), q("*"))), Req.of(ALICE, "kms:Encrypt", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("action prefix wildcard", doc(allow("S", aws(ALICE), q("kms:GenerateDataKey*"), q("*"))), Req.of(ALICE, "kms:GenerateDataKeyWithoutPlaintext", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("action wildcard, no match", doc(allow("S", aws(ALICE), q("kms:ReEncrypt*"), q("*"))), Req.of(ALICE, "kms:Encrypt", KEY), NONE, null, null),
                arguments("action ? wildcard", doc(allow("S", aws(ALICE), q("kms:Get?eyPolicy"), q("*"))), Req.of(ALICE, "kms:GetKeyPolicy", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("action * is every service", doc(allow("S", aws(ALICE), q("*"), q("*"))), Req.of(ALICE, "kms:ScheduleKeyDeletion", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("kms:* is not another service", doc(allow("S", aws(ALICE), q("kms:*"), q("*"))), Req.of(ALICE, "s3:GetObject", KEY), NONE, null, null),
                arguments("list of actions", doc(allow("S", aws(ALICE), "[\"kms:Decrypt\",\"kms:Encrypt\"]", q("*"))), Req.of(ALICE, "kms:Encrypt", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("NotAction, another action", doc("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":" + aws(ALICE) + ",\"NotAction\":\"kms:Decrypt\",\"Resource\":\"*\"}"),
                        Req.of(ALICE, "kms:Encrypt", KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("NotAction, the listed action", doc("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":" + aws(ALICE) + ",\"NotAction\":[\"kms:Decrypt\",\"kms:Schedule*\"],\"Resource\":\"*\"}"),
                        Req.of(ALICE, "kms:ScheduleKeyDeletion", KEY), NONE, null, null),

                // Resource / NotResource (reference_policies_elements_resource).
                arguments("resource ARN exact", doc(allow("S", aws(ALICE), q("kms:*"), q(KEY))), Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("resource ARN, other key", doc(allow("S", aws(ALICE), q("kms:*"), q(KEY))), Req.of(ALICE, encrypt, OTHER_KEY), NONE, null, null),
                arguments("resource wildcards", doc(allow("S", aws(ALICE), q("kms:*"), q("arn:aws:kms:*:111122223333:key/*"))), Req.of(ALICE, encrypt, OTHER_KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("resource wildcard, other account", doc(allow("S", aws(ALICE), q("kms:*"), q("arn:aws:kms:*:444455556666:key/*"))), Req.of(ALICE, encrypt, KEY), NONE, null, null),
                arguments("alias pattern is not the key", doc(allow("S", aws(ALICE), q("kms:*"), q("arn:aws:kms:us-east-1:111122223333:alias/*"))), Req.of(ALICE, encrypt, KEY), NONE, null, null),
                arguments("resource list", doc(allow("S", aws(ALICE), q("kms:*"), "[\"" + OTHER_KEY + "\",\"" + KEY + "\"]")), Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("NotResource, another key", doc("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":" + aws(ALICE) + ",\"Action\":\"kms:*\",\"NotResource\":\"" + OTHER_KEY + "\"}"),
                        Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),
                arguments("NotResource, the listed key", doc("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":" + aws(ALICE) + ",\"Action\":\"kms:*\",\"NotResource\":\"" + KEY + "\"}"),
                        Req.of(ALICE, encrypt, KEY), NONE, null, null),

                // Explicit deny wins (IAM User Guide, reference_policies_evaluation-logic).
                arguments("deny overrides allow", doc(allow("Use", aws(ROOT), q("kms:*"), q("*")), deny("NoDelete", q("*"), q("kms:ScheduleKeyDeletion"), q("*"))),
                        Req.of(ALICE, "kms:ScheduleKeyDeletion", KEY), DENY, "NoDelete", PrincipalMatch.ANYONE),
                arguments("deny before allow in the document", doc(deny("NoDelete", q("*"), q("kms:ScheduleKeyDeletion"), q("*")), allow("Use", aws(ALICE), q("kms:*"), q("*"))),
                        Req.of(ALICE, "kms:ScheduleKeyDeletion", KEY), DENY, "NoDelete", PrincipalMatch.ANYONE),
                arguments("deny for another action leaves the allow", doc(allow("Use", aws(ROOT), q("kms:*"), q("*")), deny("NoDelete", q("*"), q("kms:ScheduleKeyDeletion"), q("*"))),
                        Req.of(ALICE, "kms:Encrypt", KEY), ALLOW, "Use", PrincipalMatch.ACCOUNT),
                arguments("deny alone is no allow", doc(deny("D", q("*"), q("kms:Decrypt"), q("*"))), Req.of(ALICE, "kms:Encrypt", KEY), NONE, null, null),
                arguments("statement without Sid", doc("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), Req.of(ALICE, encrypt, KEY), ALLOW, null, PrincipalMatch.ANYONE),
                arguments("single statement object, not array", "{\"Version\":\"2012-10-17\",\"Statement\":" + allow("S", aws(ALICE), q("kms:*"), q("*")) + "}",
                        Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.EXACT),

                // KMS Developer Guide, "AWS KMS condition keys" (conditions-kms): kms:EncryptionContext:, kms:ViaService, kms:CallerAccount.
                arguments("kms:EncryptionContext: example, matching context",
                        doc("{\"Sid\":\"EC\",\"Effect\":\"Allow\",\"Principal\":" + aws("arn:aws:iam::111122223333:role/RoleForExampleApp") + ",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:AppName\":\"ExampleApp\"}}}"),
                        Req.of("arn:aws:sts::111122223333:assumed-role/RoleForExampleApp/s", "kms:Decrypt", KEY).k("kms:EncryptionContext:AppName", "ExampleApp"), ALLOW, "EC", PrincipalMatch.EXACT),
                arguments("kms:EncryptionContext: example, other context",
                        doc("{\"Sid\":\"EC\",\"Effect\":\"Allow\",\"Principal\":" + aws("arn:aws:iam::111122223333:role/RoleForExampleApp") + ",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:AppName\":\"ExampleApp\"}}}"),
                        Req.of("arn:aws:sts::111122223333:assumed-role/RoleForExampleApp/s", "kms:Decrypt", KEY).k("kms:EncryptionContext:AppName", "Other"), NONE, null, null),
                arguments("kms:ViaService example",
                        doc("{\"Sid\":\"Via\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":[\"ec2.us-west-2.amazonaws.com\",\"rds.us-west-2.amazonaws.com\"],\"kms:CallerAccount\":\"111122223333\"}}}"),
                        Req.of(ALICE, "kms:Decrypt", KEY).k("kms:ViaService", "rds.us-west-2.amazonaws.com").k("kms:CallerAccount", "111122223333"), ALLOW, "Via", PrincipalMatch.ANYONE),
                arguments("kms:ViaService example, called directly",
                        doc("{\"Sid\":\"Via\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":[\"ec2.us-west-2.amazonaws.com\",\"rds.us-west-2.amazonaws.com\"],\"kms:CallerAccount\":\"111122223333\"}}}"),
                        Req.of(ALICE, "kms:Decrypt", KEY).k("kms:CallerAccount", "111122223333"), NONE, null, null),

                // Policy variables (reference_policies_variables).
                arguments("aws:username in a condition", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "Alice"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("aws:username in a condition, other user", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")),
                        Req.of(BOB, encrypt, KEY).k("kms:EncryptionContext:user", "Alice"), NONE, null, null),
                arguments("variable names are case-insensitive", doc(cond("StringEquals", "kms:EncryptionContext:user", "${AWS:UserName}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "Alice"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("Version 2008-10-17 substitutes nothing", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")).replace("2012-10-17", "2008-10-17"),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "Alice"), NONE, null, null),
                arguments("Version 2008-10-17 keeps the text literal", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")).replace("2012-10-17", "2008-10-17"),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "${aws:username}"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("no Version substitutes nothing", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")).replace("\"Version\":\"2012-10-17\",", ""),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "Alice"), NONE, null, null),
                arguments("variable without value matches nothing", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username}")),
                        Req.of(ROOT, encrypt, KEY).k("kms:EncryptionContext:user", ""), NONE, null, null),
                arguments("default value when the key is absent", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username, 'nobody'}")),
                        Req.of(ROOT, encrypt, KEY).k("kms:EncryptionContext:user", "nobody"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("default value unused when the key is present", doc(cond("StringEquals", "kms:EncryptionContext:user", "${aws:username, 'nobody'}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:user", "nobody"), NONE, null, null),
                arguments("aws:PrincipalAccount in Resource", doc(allow("S", q("*"), q("kms:*"), q("arn:aws:kms:*:${aws:PrincipalAccount}:key/*"))),
                        Req.of(ALICE, encrypt, KEY), ALLOW, "S", PrincipalMatch.ANYONE),
                arguments("aws:PrincipalAccount in Resource, other account", doc(allow("S", q("*"), q("kms:*"), q("arn:aws:kms:*:${aws:PrincipalAccount}:key/*"))),
                        Req.of(STRANGER, encrypt, KEY), NONE, null, null),
                arguments("aws:userid from the request", doc(cond("StringLike", "kms:EncryptionContext:owner", "${aws:userid}:*")),
                        Req.of(ALICE, encrypt, KEY).k("aws:userid", "AIDAEXAMPLE").k("kms:EncryptionContext:owner", "AIDAEXAMPLE:x"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("a kms: key as variable", doc(cond("StringEquals", "kms:EncryptionContext:account", "${kms:CallerAccount}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:CallerAccount", "111122223333").k("kms:EncryptionContext:account", "111122223333"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("${*} is a literal star", doc(cond("StringLike", "kms:EncryptionContext:x", "a${*}b")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:x", "a*b"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("${*} is no wildcard", doc(cond("StringLike", "kms:EncryptionContext:x", "a${*}b")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:x", "axb"), NONE, null, null),
                arguments("${?} and ${$} are literals", doc(cond("StringEquals", "kms:EncryptionContext:x", "why${?} ${$}5")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:x", "why? $5"), ALLOW, "V", PrincipalMatch.ANYONE),
                arguments("a substituted value is no wildcard", doc(cond("StringLike", "kms:EncryptionContext:y", "${kms:EncryptionContext:x}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:x", "*").k("kms:EncryptionContext:y", "anything"), NONE, null, null),
                arguments("a multi-valued key is no variable", doc(cond("StringEquals", "kms:EncryptionContext:y", "${aws:TagKeys}")),
                        Req.of(ALICE, encrypt, KEY).k("aws:TagKeys", "a", "b").k("kms:EncryptionContext:y", "a"), NONE, null, null),
                arguments("variables are not substituted in Numeric", doc(cond("StringEquals", "kms:EncryptionContext:y", "${aws:username}")
                                .replace("\"StringEquals\":{\"kms:EncryptionContext:y\":\"${aws:username}\"}", "\"StringEquals\":{\"kms:EncryptionContext:y\":\"${aws:username}\"},\"NumericLessThan\":{\"kms:RotationPeriodInDays\":\"100\"}")),
                        Req.of(ALICE, encrypt, KEY).k("kms:EncryptionContext:y", "Alice").k("kms:RotationPeriodInDays", "90"), ALLOW, "V", PrincipalMatch.ANYONE));
    }

    static String cond(String operator, String key, String value) {
        return "{\"Sid\":\"V\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + value + "\"}}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void evaluates(String name, String policy, Req request, Decision expected, String sid, PrincipalMatch principal) {
        Evaluation evaluation = PolicyDocument.parse(policy).evaluate(request.build());
        assertThat(evaluation.decision()).isEqualTo(expected);
        if (expected == Decision.NOT_APPLICABLE) {
            assertThat(evaluation.statement()).isNull();
        } else {
            assertThat(evaluation.statement().sid()).isEqualTo(sid);
            assertThat(evaluation.statement().principalMatch()).isEqualTo(principal);
            assertThat(evaluation.statement().effect()).isEqualTo(expected == Decision.ALLOW ? Effect.ALLOW : Effect.DENY);
        }
    }
}
