package dev.trent.auth;

import dev.trent.kms.Scope;
import java.util.List;

/**
 * Who makes a request, and where: the account and region its keys live in, and the principal acting.
 *
 * @param account the caller's account
 * @param region the region of the request's SigV4 credential scope
 * @param accessKeyId the access key that signed the request, or null when unsigned
 * @param principal the IAM ARN acting
 * @param identityPolicies the principal's IAM identity policy documents (JSON), known only for the
 *     verified credentials of {@code --credentials}
 */
public record Caller(String account, String region, String accessKeyId, String principal,
        List<String> identityPolicies) {

    public Caller {
        identityPolicies = List.copyOf(identityPolicies);
    }

    /** A caller acting as the account's root. */
    public Caller(String account, String region, String accessKeyId) {
        this(account, region, accessKeyId, new Scope(account, region).rootPrincipal(), List.of());
    }

    public Scope scope() {
        return new Scope(account, region);
    }
}
