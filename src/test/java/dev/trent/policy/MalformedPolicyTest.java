package dev.trent.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a document is refused, with AWS KMS's message where one is known (null where AWS KMS says
 * nothing more, as for a policy that is not JSON: aws/aws-sdk-ruby issue 1784) and the detail saying
 * what is wrong. "Policy contains a statement with one or more invalid principals." is AWS KMS's text
 * in many recorded CreateKey / PutKeyPolicy failures.
 */
class MalformedPolicyTest {
    private static final String INVALID_PRINCIPALS = MalformedPolicyException.INVALID_PRINCIPALS;

    static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{" + body + "}]}";
    }

    static String ok(String replace, String with) {
        return statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"").replace(replace, with);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                arguments("not JSON", "not a real policy statement", null, "not a JSON document"),
                arguments("trailing text", ok("", "") + " {}", null, "not a JSON document"),
                arguments("duplicate element", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Resource\":\"*\""), null, "not a JSON document"),
                arguments("array document", "[]", null, "must be a JSON object"),
                arguments("no Statement", "{\"Version\":\"2012-10-17\"}", null, "needs a Statement"),
                arguments("empty Statement", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null, "at least one statement"),
                arguments("statement not an object", "{\"Version\":\"2012-10-17\",\"Statement\":[\"x\"]}", null, "not an object"),
                arguments("unknown Version", ok("2012-10-17", "2012-10-18"), null, "Version must be"),
                arguments("unknown top-level element", ok("\"Version\"", "\"Condition\":{},\"Version\""), null, "unknown policy element Condition"),
                arguments("unknown statement element", ok("\"Action\"", "\"Actions\""), null, "unknown statement element Actions"),
                arguments("Effect in lower case", ok("\"Allow\"", "\"allow\""), null, "Effect must be"),
                arguments("no Effect", ok("\"Effect\":\"Allow\",", ""), null, "Effect must be"),
                arguments("Sid not a string", ok("\"Effect\"", "\"Sid\":1,\"Effect\""), null, "Sid must be a string"),
                arguments("no Action", ok("\"Action\":\"kms:*\",", ""), null, "exactly one of Action and NotAction"),
                arguments("Action and NotAction", ok("\"Action\":\"kms:*\",", "\"Action\":\"kms:*\",\"NotAction\":\"kms:Decrypt\","), null, "exactly one of Action and NotAction"),
                arguments("action without service", ok("\"kms:*\"", "\"Encrypt\""), null, "service:action"),
                arguments("action with two colons", ok("\"kms:*\"", "\"kms:Encrypt:x\""), null, "service:action"),
                arguments("empty action list", ok("\"kms:*\"", "[]"), null, "must not be empty"),
                arguments("action not a string", ok("\"kms:*\"", "{\"a\":1}"), null, "must hold strings"),
                arguments("no Resource", ok(",\"Resource\":\"*\"", ""), null, "needs a Resource"),
                arguments("Resource and NotResource", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"NotResource\":\"*\""), null, "both Resource and NotResource"),
                arguments("Resource not an ARN", ok("\"Resource\":\"*\"", "\"Resource\":\"key/1234\""), null, "a resource must be"),
                arguments("no Principal in a key policy", ok("\"Principal\":{\"AWS\":\"111122223333\"},", ""), INVALID_PRINCIPALS, "has no Principal"),
                arguments("Principal and NotPrincipal", ok("\"Principal\"", "\"NotPrincipal\":\"*\",\"Principal\""), null, "both Principal and NotPrincipal"),
                arguments("Principal string other than *", ok("{\"AWS\":\"111122223333\"}", "\"111122223333\""), INVALID_PRINCIPALS, "must be \"*\""),
                arguments("principal partial wildcard", ok("111122223333", "arn:aws:iam::111122223333:user/*"), INVALID_PRINCIPALS, "not an account id or IAM ARN"),
                arguments("principal name, not an ARN", ok("111122223333", "Alice"), INVALID_PRINCIPALS, "not an account id or IAM ARN"),
                arguments("principal of another service's ARN", ok("111122223333", "arn:aws:s3:::bucket"), INVALID_PRINCIPALS, "not an account id or IAM ARN"),
                arguments("short account id", ok("111122223333", "11112222333"), INVALID_PRINCIPALS, "not an account id or IAM ARN"),
                arguments("unknown principal type", ok("\"AWS\"", "\"Group\""), INVALID_PRINCIPALS, "unknown principal type Group"),
                arguments("empty principal object", ok("{\"AWS\":\"111122223333\"}", "{}"), INVALID_PRINCIPALS, "must be \"*\" or an object"),
                arguments("empty principal list", ok("\"111122223333\"", "[]"), INVALID_PRINCIPALS, "must not be empty"),
                arguments("unknown condition operator", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"k\":\"v\"}}"), null, "unknown condition operator StringEqualz"),
                arguments("Condition not an object", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":[]"), null, "Condition must be an object"),
                arguments("operator without keys", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{}}"), null, "must map condition keys"),
                arguments("empty condition values", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":[]}}"), null, "must not be empty"),
                arguments("condition value object", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":{\"a\":\"b\"}}}"), null, "must hold strings"),
                arguments("Numeric value not a number", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"k\":\"ten\"}}"), null, "not a number"),
                arguments("Date value not a date", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"yesterday\"}}"), null, "not a date"),
                arguments("IP address out of range", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"300.1.1.1/8\"}}"), null, "not an IP address"),
                arguments("CIDR prefix too long", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}"), null, "not an IP address"),
                arguments("IP address host name", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"example.com\"}}"), null, "not an IP address"),
                arguments("Binary value not base64", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"BinaryEquals\":{\"k\":\"not base64!\"}}"), null, "not base64"),
                arguments("Arn value not an ARN", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"bucket\"}}"), null, "not an ARN"),
                arguments("Null value not a boolean", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"Null\":{\"k\":\"maybe\"}}"), null, "Null takes \"true\" or \"false\""),
                arguments("NullIfExists", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"k\":\"true\"}}"), null, "Null takes neither"),
                arguments("ForAnyValue:Null", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"ForAnyValue:Null\":{\"k\":\"true\"}}"), null, "Null takes neither"),
                arguments("variable default without quotes", ok("\"Resource\":\"*\"", "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":\"${aws:username, nobody}\"}}"), null, "single quotes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void refuses(String name, String policy, String awsMessage, String detail) {
        assertThatThrownBy(() -> PolicyDocument.parse(policy))
                .isInstanceOfSatisfying(MalformedPolicyException.class, e -> org.assertj.core.api.Assertions.assertThat(e.awsMessage()).isEqualTo(awsMessage))
                .hasMessageContaining(detail);
    }

    static Stream<Arguments> identityTable() {
        return Stream.of(
                arguments("Principal in an identity policy", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}}"),
                arguments("NotPrincipal in an identity policy", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}}"));
    }

    /** NotPrincipal page: "You cannot use the NotPrincipal element in an IAM identity-based policy"; the same holds for Principal. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("identityTable")
    void refusesPrincipalsInIdentityPolicies(String name, String policy) {
        assertThatThrownBy(() -> PolicyDocument.parse(policy, PolicyKind.IDENTITY))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("must not have a Principal");
    }
}
