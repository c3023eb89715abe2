package dev.trent.auth;

import dev.trent.kms.Scope;
import java.util.List;

/**
 * One access key Trent accepts when started with {@code --credentials}: its secret, the account it
 * acts in, and who it is.
 *
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param accountId the account the key's requests act in
 * @param sessionToken the session token requests must carry, or null for a long-term key
 * @param principal the IAM ARN the key acts as, or null for the account's root
 * @param policies the principal's IAM identity policy documents, as JSON text
 */
public record Credential(String accessKey, String secretKey, String accountId, String sessionToken,
        String principal, List<String> policies) {

    public Credential {
        policies = List.copyOf(policies);
    }

    /** A long-term key of the account's root, with no identity policies. */
    public static Credential of(String accessKey, String secretKey, String accountId) {
        return new Credential(accessKey, secretKey, accountId, null, null, List.of());
    }

    /** The ARN this key acts as in a region: the root's ARN depends on the region's partition. */
    public String principalIn(String region) {
        return principal != null ? principal : new Scope(accountId, region).rootPrincipal();
    }
}
