package dev.trent.policy;

import java.util.Locale;

/**
 * The base condition operators (without IfExists and set qualifiers). Each negated operator is the
 * negation of a positive one: IAM User Guide, "Conditions with multiple context keys or values":
 * several values of a negated operator are evaluated as NOR.
 */
enum Operator {
    STRING_EQUALS("StringEquals", Family.STRING, null),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, STRING_EQUALS),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, null),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, STRING_EQUALS_IGNORE_CASE),
    STRING_LIKE("StringLike", Family.STRING_LIKE, null),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, STRING_LIKE),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, null),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, NUMERIC_EQUALS),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, null),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, null),
    DATE_EQUALS("DateEquals", Family.DATE, null),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, DATE_EQUALS),
    DATE_LESS_THAN("DateLessThan", Family.DATE, null),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, null),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, null),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, null),
    BOOL("Bool", Family.BOOL, null),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, null),
    IP_ADDRESS("IpAddress", Family.IP, null),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, IP_ADDRESS),
    ARN_EQUALS("ArnEquals", Family.ARN, null),
    ARN_LIKE("ArnLike", Family.ARN, null),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, ARN_EQUALS),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, ARN_LIKE),
    NULL("Null", Family.NULL, null);

    enum Family {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        /** AWS supports policy variables in string, Bool and ARN conditions only (Condition operators page, per family). */
        boolean variables() {
            return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == BOOL || this == ARN;
        }
    }

    private final String awsName;
    final Family family;
    /** For a negated operator, the positive one it negates; null for the positive ones. */
    final Operator negates;

    Operator(String awsName, Family family, Operator negates) {
        this.awsName = awsName;
        this.family = family;
        this.negates = negates;
    }

    boolean negated() {
        return negates != null;
    }

    /** The positive operator whose value test this one uses. */
    Operator positive() {
        return negates == null ? this : negates;
    }

    String awsName() {
        return awsName;
    }

    static Operator named(String name) {
        for (Operator op : values()) {
            if (op.awsName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        return null;
    }
}
