package dev.trent.kms;

import java.util.Optional;

/** A KMS ARN: {@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID} or {@code ...:alias/NAME}. */
public record KmsArn(String partition, String region, String account, String resource) {

    public static Optional<KmsArn> parse(String text) {
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("kms")
                || parts[1].isEmpty() || parts[3].isEmpty() || !Scope.isAccountId(parts[4])) {
            return Optional.empty();
        }
        String resource = parts[5];
        boolean key = resource.startsWith("key/") && resource.length() > 4;
        boolean alias = resource.startsWith("alias/") && resource.length() > 6;
        if (!key && !alias) {
            return Optional.empty();
        }
        return Optional.of(new KmsArn(parts[1], parts[3], parts[4], resource));
    }

    public Scope scope() {
        return new Scope(account, region);
    }

    public boolean isKey() {
        return resource.startsWith("key/");
    }

    /** The key id of a key ARN, or the alias name (with its {@code alias/} prefix) of an alias ARN. */
    public String name() {
        return isKey() ? resource.substring(4) : resource;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":kms:" + region + ":" + account + ":" + resource;
    }
}
