package dev.trent.policy;

import static dev.trent.policy.Req.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every condition operator, its IfExists form and the set qualifiers, each as an Allow statement of a
 * key policy whose Condition holds or not. Semantics: IAM User Guide, "IAM JSON policy elements:
 * Condition operators" (reference_policies_elements_condition_operators) and "Conditions with multiple
 * context keys or values" (reference_policies_multi-value-conditions); KMS keys from the KMS Developer
 * Guide, "AWS KMS condition keys" (conditions-kms).
 */
class ConditionOperatorsTest {
    private static final String EC_DEPT = "kms:EncryptionContext:Department";

    static Stream<Arguments> table() {
        return Stream.of(
                // String operators. Condition operators page: "StringEquals: exact matching, case sensitive".
                arguments("StringEquals equal", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "IT"), true),
                arguments("StringEquals other case", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "it"), false),
                arguments("StringEquals missing key is false", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), false),
                arguments("StringEquals has no wildcards", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"I*\"}}", alice().k(EC_DEPT, "IT"), false),
                arguments("StringEquals values are ORed", "{\"StringEquals\":{\"" + EC_DEPT + "\":[\"IT\",\"HR\"]}}", alice().k(EC_DEPT, "HR"), true),
                arguments("condition key names are case-insensitive", "{\"StringEquals\":{\"kms:encryptioncontext:department\":\"IT\"}}", alice().k(EC_DEPT, "IT"), true),
                arguments("StringEqualsIfExists missing", "{\"StringEqualsIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), true),
                arguments("StringEqualsIfExists present, other", "{\"StringEqualsIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "HR"), false),
                arguments("StringEqualsIfExists present, equal", "{\"StringEqualsIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "IT"), true),
                arguments("StringNotEquals other", "{\"StringNotEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "HR"), true),
                arguments("StringNotEquals equal", "{\"StringNotEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "IT"), false),
                // Condition operators page: a negated operator with the key absent is true.
                arguments("StringNotEquals missing key is true", "{\"StringNotEquals\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), true),
                // Multi-value page: several values of a negated operator are a NOR.
                arguments("StringNotEquals values are NORed (one equal)", "{\"StringNotEquals\":{\"" + EC_DEPT + "\":[\"IT\",\"HR\"]}}", alice().k(EC_DEPT, "HR"), false),
                arguments("StringNotEquals values are NORed (none equal)", "{\"StringNotEquals\":{\"" + EC_DEPT + "\":[\"IT\",\"HR\"]}}", alice().k(EC_DEPT, "Sales"), true),
                arguments("StringNotEqualsIfExists missing", "{\"StringNotEqualsIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), true),
                arguments("StringNotEqualsIfExists equal", "{\"StringNotEqualsIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "IT"), false),
                arguments("StringEqualsIgnoreCase", "{\"StringEqualsIgnoreCase\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "it"), true),
                arguments("StringEqualsIgnoreCase other", "{\"StringEqualsIgnoreCase\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "HR"), false),
                arguments("StringEqualsIgnoreCaseIfExists missing", "{\"StringEqualsIgnoreCaseIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), true),
                arguments("StringNotEqualsIgnoreCase same but case", "{\"StringNotEqualsIgnoreCase\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "it"), false),
                arguments("StringNotEqualsIgnoreCase other", "{\"StringNotEqualsIgnoreCase\":{\"" + EC_DEPT + "\":\"IT\"}}", alice().k(EC_DEPT, "HR"), true),
                arguments("StringNotEqualsIgnoreCaseIfExists missing", "{\"StringNotEqualsIgnoreCaseIfExists\":{\"" + EC_DEPT + "\":\"IT\"}}", alice(), true),
                arguments("StringLike *", "{\"StringLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice().k(EC_DEPT, "prod-eu"), true),
                arguments("StringLike * matches nothing too", "{\"StringLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice().k(EC_DEPT, "prod-"), true),
                arguments("StringLike is case-sensitive", "{\"StringLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice().k(EC_DEPT, "Prod-eu"), false),
                arguments("StringLike ? is one character", "{\"StringLike\":{\"" + EC_DEPT + "\":\"team-?\"}}", alice().k(EC_DEPT, "team-a"), true),
                arguments("StringLike ? is exactly one", "{\"StringLike\":{\"" + EC_DEPT + "\":\"team-?\"}}", alice().k(EC_DEPT, "team-ab"), false),
                arguments("StringLike stars in the middle", "{\"StringLike\":{\"" + EC_DEPT + "\":\"a*b*c\"}}", alice().k(EC_DEPT, "axxbyyc"), true),
                arguments("StringLike stars in the middle, no c", "{\"StringLike\":{\"" + EC_DEPT + "\":\"a*b*c\"}}", alice().k(EC_DEPT, "axxbyy"), false),
                arguments("StringLikeIfExists missing", "{\"StringLikeIfExists\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice(), true),
                arguments("StringNotLike match", "{\"StringNotLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice().k(EC_DEPT, "prod-eu"), false),
                arguments("StringNotLike no match", "{\"StringNotLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice().k(EC_DEPT, "dev"), true),
                arguments("StringNotLike missing is true", "{\"StringNotLike\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice(), true),
                arguments("StringNotLikeIfExists missing", "{\"StringNotLikeIfExists\":{\"" + EC_DEPT + "\":\"prod-*\"}}", alice(), true),
                // Condition element: several keys in one operator, and several operators, are ANDed.
                arguments("two keys ANDed, both", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\",\"kms:CallerAccount\":\"111122223333\"}}",
                        alice().k(EC_DEPT, "IT").k("kms:CallerAccount", "111122223333"), true),
                arguments("two keys ANDed, one missing", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\",\"kms:CallerAccount\":\"111122223333\"}}",
                        alice().k(EC_DEPT, "IT"), false),
                arguments("two operators ANDed", "{\"StringEquals\":{\"" + EC_DEPT + "\":\"IT\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
                        alice().k(EC_DEPT, "IT").k("aws:SecureTransport", "false"), false),
                // A multi-valued key without a qualifier: any of its values.
                arguments("multi-valued key, plain operator", "{\"StringEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Project", "Department"), true),

                // Numeric.
                arguments("NumericLessThan below", "{\"NumericLessThan\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice().k("kms:RotationPeriodInDays", "90"), true),
                arguments("NumericLessThan equal", "{\"NumericLessThan\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice().k("kms:RotationPeriodInDays", "100"), false),
                arguments("NumericLessThan JSON number", "{\"NumericLessThan\":{\"kms:RotationPeriodInDays\":100}}", alice().k("kms:RotationPeriodInDays", "99"), true),
                arguments("NumericLessThan missing", "{\"NumericLessThan\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice(), false),
                arguments("NumericLessThanIfExists missing", "{\"NumericLessThanIfExists\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice(), true),
                arguments("NumericLessThanEquals equal", "{\"NumericLessThanEquals\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice().k("kms:RotationPeriodInDays", "100"), true),
                arguments("NumericLessThanEquals above", "{\"NumericLessThanEquals\":{\"kms:RotationPeriodInDays\":\"100\"}}", alice().k("kms:RotationPeriodInDays", "101"), false),
                arguments("NumericGreaterThan above", "{\"NumericGreaterThan\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"7\"}}", alice().k("kms:ScheduleKeyDeletionPendingWindowInDays", "30"), true),
                arguments("NumericGreaterThan equal", "{\"NumericGreaterThan\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"7\"}}", alice().k("kms:ScheduleKeyDeletionPendingWindowInDays", "7"), false),
                arguments("NumericGreaterThanEquals equal", "{\"NumericGreaterThanEquals\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"7\"}}", alice().k("kms:ScheduleKeyDeletionPendingWindowInDays", "7"), true),
                arguments("NumericGreaterThanEqualsIfExists missing", "{\"NumericGreaterThanEqualsIfExists\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"7\"}}", alice(), true),
                arguments("NumericEquals", "{\"NumericEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice().k("kms:RotationPeriodInDays", "365"), true),
                arguments("NumericEquals numerically", "{\"NumericEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice().k("kms:RotationPeriodInDays", "365.0"), true),
                arguments("NumericEquals request value not a number", "{\"NumericEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice().k("kms:RotationPeriodInDays", "many"), false),
                arguments("NumericNotEquals other", "{\"NumericNotEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice().k("kms:RotationPeriodInDays", "90"), true),
                arguments("NumericNotEquals equal", "{\"NumericNotEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice().k("kms:RotationPeriodInDays", "365"), false),
                arguments("NumericNotEquals missing is true", "{\"NumericNotEquals\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice(), true),
                arguments("NumericEqualsIfExists missing", "{\"NumericEqualsIfExists\":{\"kms:RotationPeriodInDays\":\"365\"}}", alice(), true),

                // Dates: ISO 8601 or epoch seconds (Condition operators page, Date condition operators).
                arguments("DateGreaterThan ISO", "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "2024-05-01T12:00:00Z"), true),
                arguments("DateGreaterThan earlier", "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "2019-12-31T23:59:59Z"), false),
                arguments("DateGreaterThan epoch in policy", "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"1577836800\"}}", alice().k("aws:CurrentTime", "2020-01-01T00:00:01Z"), true),
                arguments("DateLessThan epoch request", "{\"DateLessThan\":{\"aws:EpochTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:EpochTime", "1577836799"), true),
                arguments("DateLessThan date only", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01\"}}", alice().k("aws:CurrentTime", "2019-12-31T10:00:00Z"), true),
                arguments("DateLessThan with offset", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01T02:00:00+02:00\"}}", alice().k("aws:CurrentTime", "2020-01-01T00:00:00Z"), false),
                arguments("DateLessThanEquals equal instant", "{\"DateLessThanEquals\":{\"aws:CurrentTime\":\"2020-01-01T02:00:00+02:00\"}}", alice().k("aws:CurrentTime", "2020-01-01T00:00:00Z"), true),
                arguments("DateGreaterThanEquals equal", "{\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "1577836800"), true),
                arguments("DateEquals", "{\"DateEquals\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "2020-01-01T00:00:00.000Z"), true),
                arguments("DateNotEquals", "{\"DateNotEquals\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "2021-01-01T00:00:00Z"), true),
                arguments("DateNotEquals missing is true", "{\"DateNotEquals\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice(), true),
                arguments("DateLessThan missing", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice(), false),
                arguments("DateLessThanIfExists missing", "{\"DateLessThanIfExists\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice(), true),
                arguments("DateLessThan request not a date", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}", alice().k("aws:CurrentTime", "yesterday"), false),

                // Bool (Condition operators page, Boolean: the aws:SecureTransport example).
                arguments("Bool true", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", alice().k("aws:SecureTransport", "true"), true),
                arguments("Bool false", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", alice().k("aws:SecureTransport", "false"), false),
                arguments("Bool JSON boolean", "{\"Bool\":{\"kms:BypassPolicyLockoutSafetyCheck\":false}}", alice().k("kms:BypassPolicyLockoutSafetyCheck", "false"), true),
                arguments("Bool missing", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", alice(), false),
                arguments("BoolIfExists missing", "{\"BoolIfExists\":{\"kms:GrantIsForAWSResource\":\"true\"}}", alice(), true),
                arguments("BoolIfExists present false", "{\"BoolIfExists\":{\"kms:GrantIsForAWSResource\":\"true\"}}", alice().k("kms:GrantIsForAWSResource", "false"), false),

                // Binary: base64 of the bytes.
                arguments("BinaryEquals", "{\"BinaryEquals\":{\"key\":\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}", alice().k("key", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="), true),
                arguments("BinaryEquals other bytes", "{\"BinaryEquals\":{\"key\":\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}", alice().k("key", "AAEC"), false),
                arguments("BinaryEquals missing", "{\"BinaryEquals\":{\"key\":\"AAEC\"}}", alice(), false),
                arguments("BinaryEqualsIfExists missing", "{\"BinaryEqualsIfExists\":{\"key\":\"AAEC\"}}", alice(), true),

                // IP addresses (Condition operators page, IP address: the 203.0.113.0/24 and 2001:DB8:1234:5678::/64 examples).
                arguments("IpAddress in v4 range", "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice().k("aws:SourceIp", "203.0.113.7"), true),
                arguments("IpAddress out of v4 range", "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice().k("aws:SourceIp", "198.51.100.7"), false),
                arguments("IpAddress single address", "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.7\"}}", alice().k("aws:SourceIp", "203.0.113.7"), true),
                arguments("IpAddress in v6 range", "{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:DB8:1234:5678::/64\"]}}", alice().k("aws:SourceIp", "2001:db8:1234:5678::1"), true),
                arguments("IpAddress out of v6 range", "{\"IpAddress\":{\"aws:SourceIp\":\"2001:DB8:1234:5678::/64\"}}", alice().k("aws:SourceIp", "2001:db8:1234:5679::1"), false),
                arguments("IpAddress v4 request against v6 range", "{\"IpAddress\":{\"aws:SourceIp\":\"2001:DB8:1234:5678::/64\"}}", alice().k("aws:SourceIp", "203.0.113.7"), false),
                arguments("IpAddress missing", "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice(), false),
                arguments("IpAddressIfExists missing", "{\"IpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice(), true),
                arguments("NotIpAddress outside", "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice().k("aws:SourceIp", "198.51.100.7"), true),
                arguments("NotIpAddress inside", "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice().k("aws:SourceIp", "203.0.113.9"), false),
                arguments("NotIpAddress missing is true", "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice(), true),
                arguments("NotIpAddressIfExists missing", "{\"NotIpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", alice(), true),

                // ARNs: each of the six colon-separated parts matched on its own.
                arguments("ArnLike", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/app-*\"}}",
                        alice().k("aws:PrincipalArn", "arn:aws:iam::111122223333:role/app-web"), true),
                arguments("ArnLike other role", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/app-*\"}}",
                        alice().k("aws:PrincipalArn", "arn:aws:iam::111122223333:role/admin"), false),
                arguments("ArnLike * stays inside its part", "{\"ArnLike\":{\"kms:RequestAlias\":\"arn:aws:kms:*:111122223333:key/k1\"}}",
                        alice().k("kms:RequestAlias", "arn:aws:kms:us-east-1:999:111122223333:key/k1"), false),
                arguments("ArnLike * in a part", "{\"ArnLike\":{\"kms:RequestAlias\":\"arn:aws:kms:*:111122223333:key/k1\"}}",
                        alice().k("kms:RequestAlias", "arn:aws:kms:eu-west-1:111122223333:key/k1"), true),
                arguments("ArnLike request not an ARN", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:*\"}}",
                        alice().k("aws:PrincipalArn", "Alice"), false),
                arguments("ArnEquals", "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/Alice\"}}", alice(), true),
                arguments("ArnEquals takes wildcards too", "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/Alice\"}}", alice(), true),
                arguments("ArnEquals is case-sensitive", "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/alice\"}}", alice(), false),
                arguments("ArnNotEquals other", "{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/Bob\"}}", alice(), true),
                arguments("ArnNotEquals same", "{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:user/Alice\"}}", alice(), false),
                arguments("ArnNotLike match", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:user/*\"}}", alice(), false),
                arguments("ArnNotLike missing is true", "{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", alice(), true),
                arguments("ArnLike missing", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", alice(), false),
                arguments("ArnLikeIfExists missing", "{\"ArnLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", alice(), true),
                arguments("ArnEqualsIfExists present other", "{\"ArnEqualsIfExists\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", alice().k("aws:SourceArn", "arn:aws:s3:::other"), false),
                arguments("ArnNotEqualsIfExists missing", "{\"ArnNotEqualsIfExists\":{\"aws:SourceArn\":\"arn:aws:s3:::bucket\"}}", alice(), true),
                arguments("ArnNotLikeIfExists present match", "{\"ArnNotLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:s3:::*\"}}", alice().k("aws:SourceArn", "arn:aws:s3:::b"), false),

                // Null (Condition operators page, Condition operator to check existence of condition keys).
                arguments("Null true, key absent", "{\"Null\":{\"kms:EncryptionContextKeys\":\"true\"}}", alice(), true),
                arguments("Null true, key present", "{\"Null\":{\"kms:EncryptionContextKeys\":\"true\"}}", alice().k("kms:EncryptionContextKeys", "Department"), false),
                arguments("Null false, key present", "{\"Null\":{\"kms:EncryptionContextKeys\":\"false\"}}", alice().k("kms:EncryptionContextKeys", "Department"), true),
                arguments("Null false, key absent", "{\"Null\":{\"kms:EncryptionContextKeys\":false}}", alice(), false),

                // Set operators (multi-value page; KMS Developer Guide, kms:EncryptionContextKeys examples).
                arguments("ForAllValues all listed", "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Department\",\"Project\"]}}",
                        alice().k("kms:EncryptionContextKeys", "Department"), true),
                arguments("ForAllValues one not listed", "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Department\",\"Project\"]}}",
                        alice().k("kms:EncryptionContextKeys", "Department", "Other"), false),
                arguments("ForAllValues missing key is true", "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Department\",\"Project\"]}}",
                        alice(), true),
                arguments("ForAllValues StringLike", "{\"ForAllValues:StringLike\":{\"aws:TagKeys\":[\"app-*\"]}}",
                        alice().k("aws:TagKeys", "app-name", "app-team"), true),
                arguments("ForAllValues StringNotEquals, none forbidden", "{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"Secret\"]}}",
                        alice().k("aws:TagKeys", "A", "B"), true),
                arguments("ForAllValues StringNotEquals, one forbidden", "{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"Secret\"]}}",
                        alice().k("aws:TagKeys", "A", "Secret"), false),
                arguments("ForAnyValue one listed", "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Other", "Department"), true),
                arguments("ForAnyValue none listed", "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Other"), false),
                arguments("ForAnyValue missing key is false", "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice(), false),
                arguments("ForAnyValue StringNotEquals, one other", "{\"ForAnyValue:StringNotEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Department", "Other"), true),
                arguments("ForAnyValue StringNotEquals, all listed", "{\"ForAnyValue:StringNotEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Department"), false),
                arguments("ForAnyValue StringNotEquals missing is false", "{\"ForAnyValue:StringNotEquals\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice(), false),
                arguments("ForAnyValue StringEqualsIfExists missing", "{\"ForAnyValue:StringEqualsIfExists\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice(), true),
                arguments("ForAllValues StringEqualsIfExists present other", "{\"ForAllValues:StringEqualsIfExists\":{\"kms:EncryptionContextKeys\":\"Department\"}}",
                        alice().k("kms:EncryptionContextKeys", "Other"), false),
                arguments("ForAnyValue StringLike", "{\"ForAnyValue:StringLike\":{\"kms:ResourceAliases\":\"alias/finance-*\"}}",
                        alice().k("kms:ResourceAliases", "alias/hr", "alias/finance-key"), true),
                arguments("ForAllValues + Null: only listed keys and at least one (KMS guide idiom)",
                        "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"Department\"]},\"Null\":{\"kms:EncryptionContextKeys\":\"false\"}}",
                        alice(), false),
                arguments("ForAllValues NumericLessThan", "{\"ForAllValues:NumericLessThan\":{\"key\":\"10\"}}", alice().k("key", "1", "9"), true),
                arguments("ForAnyValue ArnLike", "{\"ForAnyValue:ArnLike\":{\"key\":\"arn:aws:iam::*:role/x\"}}",
                        alice().k("key", "arn:aws:iam::111122223333:role/y", "arn:aws:iam::444455556666:role/x"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void conditionDecidesTheStatement(String name, String condition, Req request, boolean holds) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Conditional\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":" + condition + "}]}";
        Evaluation evaluation = PolicyDocument.parse(policy).evaluate(request.build());
        assertThat(evaluation.decision()).isEqualTo(holds ? Decision.ALLOW : Decision.NOT_APPLICABLE);
        if (holds) {
            assertThat(evaluation.statement().sid()).isEqualTo("Conditional");
        }
    }

    @ParameterizedTest(name = "Deny {0}")
    @MethodSource("table")
    void conditionDecidesADenyToo(String name, String condition, Req request, boolean holds) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Guard\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
        Evaluation evaluation = PolicyDocument.parse(policy).evaluate(request.build());
        assertThat(evaluation.decision()).isEqualTo(holds ? Decision.DENY : Decision.ALLOW);
        assertThat(evaluation.statement().sid()).isEqualTo(holds ? "Guard" : null);
    }
}
