package dev.trent.kms;

import java.util.regex.Pattern;

/** An account in a region: everything in KMS (keys, aliases, ...) lives in exactly one. */
public record Scope(String account, String region) {
    /** A region's name: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final PerScope<Scope> SHARED = new PerScope<>(scope -> scope);
    /** Every request builds its keys' ARNs, several times. */
    private static final PerScope<String> ARN_PREFIXES = new PerScope<>(Scope::newArnPrefix);

    /** Whether the text has the form of an AWS Region's name. */
    public static boolean isRegion(String text) {
        return REGION.matcher(text).matches();
    }

    /** Whether the text is an AWS account id: twelve digits (checked by hand: every key ARN a request names asks). */
    public static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The one instance of this scope that stored keys refer to, instead of a copy (and copies of its
     * strings) per key, each parsed from its own request.
     */
    public Scope shared() {
        return SHARED.get(this);
    }

    // equals and hashCode written out: a record's own are linked through method handles at their
    // first call, which cost the first request tens of milliseconds at start-up (docs/performance.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof Scope that && account.equals(that.account) && region.equals(that.region);
    }

    @Override
    public int hashCode() {
        return 31 * account.hashCode() + region.hashCode();
    }

    /** The AWS partition of a region: China and GovCloud regions have their own. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        return "aws";
    }

    public String keyArn(String keyId) {
        return arnPrefix() + "key/" + keyId;
    }

    public String aliasArn(String aliasName) {
        return arnPrefix() + aliasName;
    }

    public String rootPrincipal() {
        return "arn:" + partition() + ":iam::" + account + ":root";
    }

    private String arnPrefix() {
        return ARN_PREFIXES.get(this);
    }

    private static String newArnPrefix(Scope scope) {
        return "arn:" + scope.partition() + ":kms:" + scope.region() + ":" + scope.account() + ":";
    }
}
