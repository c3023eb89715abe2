package dev.trent.control;

/**
 * Which logged requests to return, newest first; null members match any request.
 *
 * @param limit at most this many
 * @param keyId a key id, key ARN or alias as requests named it: a key id matches requests whose
 *     logged key ARN ends with it
 * @param result {@code ok}, {@code error} (any error), or one AWS error type
 */
public record RequestFilter(int limit, String operation, String account, String region, String keyId,
        String result) {
    public static final RequestFilter ALL = new RequestFilter(Integer.MAX_VALUE, null, null, null, null, null);

    public RequestFilter {
        if (limit < 1) {
            throw new ControlException("The limit is at least 1, not " + limit + ".");
        }
    }

    public RequestFilter withLimit(int n) {
        return new RequestFilter(n, operation, account, region, keyId, result);
    }

    public RequestFilter withOperation(String name) {
        return new RequestFilter(limit, name, account, region, keyId, result);
    }

    public RequestFilter withAccount(String id) {
        return new RequestFilter(limit, operation, id, region, keyId, result);
    }

    public RequestFilter withRegion(String name) {
        return new RequestFilter(limit, operation, account, name, keyId, result);
    }

    public RequestFilter withKeyId(String key) {
        return new RequestFilter(limit, operation, account, region, key, result);
    }

    public RequestFilter withResult(String outcome) {
        return new RequestFilter(limit, operation, account, region, keyId, outcome);
    }

    boolean matches(LoggedRequest request) {
        return (operation == null || operation.equals(request.operation()))
                && (account == null || account.equals(request.account()))
                && (region == null || region.equals(request.region()))
                && (keyId == null || request.keyId() != null && (request.keyId().equals(keyId)
                        || request.keyId().endsWith(":key/" + keyId)))
                && (result == null || result.equals(request.result())
                        || result.equals("error") && !request.ok());
    }
}
