package dev.trent.support;

/** Key policies as AWS returns them, written out independently of Trent's own. */
public final class TestPolicies {
    private TestPolicies() {
    }

    /** AWS's default key policy for a key of the account, byte for byte as GetKeyPolicy returns it. */
    public static String defaultPolicy(String account) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"key-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + account + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }
}
