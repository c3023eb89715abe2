package dev.trent.auth;

import dev.trent.kms.Scope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the caller of an unverified request from its SigV4 {@code Authorization} header: the region
 * from the credential scope, the account from the access key id when that is twelve digits (the
 * convention LocalStack users know for testing several accounts), else the default account.
 */
public final class CallerResolver implements Authenticator {
    private static final Pattern CREDENTIAL = Pattern.compile(
            "Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/[^/,\\s]+/aws4_request");

    private final String defaultAccount;
    private final String defaultRegion;

    public CallerResolver(String defaultAccount, String defaultRegion) {
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public Caller authenticate(AuthRequest request) {
        return resolve(request.header("authorization"));
    }

    public Caller resolve(String authorization) {
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                String accessKey = m.group(1);
                String account = Scope.isAccountId(accessKey) ? accessKey : defaultAccount;
                return new Caller(account, m.group(2), accessKey);
            }
        }
        return new Caller(defaultAccount, defaultRegion, null);
    }
}
