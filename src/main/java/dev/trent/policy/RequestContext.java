package dev.trent.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a policy is evaluated against: principal, action ({@code kms:Encrypt}), resource ARN and the
 * condition keys with their values. Key names are case-insensitive as AWS's ("Condition key names are
 * not case-sensitive", IAM User Guide, Condition element); values keep their case. A key with several
 * values ({@code kms:EncryptionContextKeys}, {@code aws:TagKeys}) holds them all.
 * <p>
 * The builder fills {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalType}
 * where AWS derives them from the principal (and {@code aws:username} for an IAM user) unless given.
 */
public final class RequestContext {
    /** Normalized once: every request under a policy has them. */
    private static final String PRINCIPAL_ARN = normalize("aws:PrincipalArn");
    private static final String PRINCIPAL_ACCOUNT = normalize("aws:PrincipalAccount");
    private static final String PRINCIPAL_TYPE = normalize("aws:PrincipalType");
    private static final String USERNAME = normalize("aws:username");

    private final RequestPrincipal principal;
    private final String action;
    private final String resource;
    /** This context's own map, never changed after construction. */
    private final Map<String, List<String>> keys;

    private RequestContext(Builder builder) {
        this.principal = builder.principal;
        this.action = builder.action;
        this.resource = builder.resource;
        Map<String, List<String>> keys = new HashMap<>(builder.keys);
        if (principal != null && principal.type() == RequestPrincipal.Type.AWS) {
            keys.putIfAbsent(PRINCIPAL_ARN, List.of(principalArn(principal)));
            keys.putIfAbsent(PRINCIPAL_ACCOUNT, List.of(principal.account()));
            keys.putIfAbsent(PRINCIPAL_TYPE, List.of(principalType(principal)));
            String user = principal.userName();
            if (user != null) {
                keys.putIfAbsent(USERNAME, List.of(user));
            }
        }
        this.keys = keys;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RequestPrincipal principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    /** The values of a condition key, or null when the request does not have it. */
    public List<String> values(String key) {
        return keys.get(normalize(key));
    }

    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * aws:PrincipalArn: the principal's ARN, but for a role session the role's ARN (IAM User Guide,
     * "AWS global condition context keys"). The session ARN does not tell the role's path: a role
     * without one is assumed.
     */
    private static String principalArn(RequestPrincipal p) {
        String role = p.assumedRoleName();
        if (role == null) {
            return p.name();
        }
        return "arn:" + p.name().split(":", 3)[1] + ":iam::" + p.account() + ":role/" + role;
    }

    private static String principalType(RequestPrincipal p) {
        if (p.isRoot()) {
            return "Account";
        }
        if (p.assumedRoleName() != null) {
            return "AssumedRole";
        }
        return p.userName() != null ? "User" : "AWS";
    }

    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource;
        private final Map<String, List<String>> keys = new HashMap<>();

        public Builder principal(RequestPrincipal principal) {
            this.principal = principal;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** A single-valued key. */
        public Builder key(String key, String value) {
            return key(key, List.of(value));
        }

        /** A key with several values (an empty collection is a key without value, as AWS treats it: absent). */
        public Builder key(String key, Collection<String> values) {
            if (values.isEmpty()) {
                keys.remove(normalize(key));
            } else {
                keys.put(normalize(key), List.copyOf(new ArrayList<>(values)));
            }
            return this;
        }

        /**
         * Adds a value to a key, keeping those it has: two encryption context keys that differ only in
         * case make one condition key kms:EncryptionContext:k with both values, since condition key
         * names are case-insensitive.
         */
        public Builder add(String key, String value) {
            List<String> values = new ArrayList<>(keys.getOrDefault(normalize(key), List.of()));
            values.add(value);
            keys.put(normalize(key), List.copyOf(values));
            return this;
        }

        public Builder keys(Map<String, ? extends Collection<String>> all) {
            all.forEach(this::key);
            return this;
        }

        public RequestContext build() {
            if (action == null || resource == null) {
                throw new IllegalArgumentException("a request needs an action and a resource");
            }
            return new RequestContext(this);
        }
    }
}
