package dev.trent.kms;

/** The key policy AWS gives a key created without one: the account's root may do everything. */
public final class DefaultKeyPolicy {
    /** One text per scope, shared by its keys: a copy per key was half of a stored key's memory. */
    private static final PerScope<String> TEXTS = new PerScope<>(DefaultKeyPolicy::text);

    public static final String NAME = "default";

    private DefaultKeyPolicy() {
    }

    /** AWS's own document, in AWS's own layout, as GetKeyPolicy returns it. */
    public static String forScope(Scope scope) {
        return TEXTS.get(scope);
    }

    private static String text(Scope scope) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"key-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"" + scope.rootPrincipal() + "\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }
}
