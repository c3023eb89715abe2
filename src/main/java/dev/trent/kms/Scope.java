package dev.trent.kms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** An account in a region: everything in KMS (keys, aliases, ...) lives in exactly one. */
public record Scope(String account, String region) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** Scopes in use are few; a bound keeps requests naming endless accounts from growing this. */
    private static final int MAX_SHARED = 10_000;
    private static final Map<Scope, Scope> SHARED = new ConcurrentHashMap<>();
    /** ARN prefixes of the scopes in use: every request builds its keys' ARNs, several times. */
    private static final Map<Scope, String> ARN_PREFIXES = new ConcurrentHashMap<>();

    /** Whether the text is an AWS account id: twelve digits. */
    public static boolean isAccountId(String text) {
        return ACCOUNT_ID.matcher(text).matches();
    }


    /**
     * The one instance of this scope that stored keys refer to, instead of a copy (and copies of its
     * strings) per key, each parsed from its own request.
     */
    public Scope shared() {
        Scope shared = SHARED.get(this);
        if (shared != null) {
            return shared;
        }
        if (SHARED.size() >= MAX_SHARED) {
            return this;
        }
        Scope previous = SHARED.putIfAbsent(this, this);
        return previous != null ? previous : this;
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
        String prefix = ARN_PREFIXES.get(this);
        if (prefix == null) {
            prefix = "arn:" + partition() + ":kms:" + region + ":" + account + ":";
            if (ARN_PREFIXES.size() < MAX_SHARED) {
                ARN_PREFIXES.put(this, prefix);
            }
        }
        return prefix;
    }
}
