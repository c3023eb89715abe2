package dev.trent.auth;

import dev.trent.kms.Scope;

/** Who makes a request, and where: the account and region its keys live in, and the principal acting. */
public record Caller(String account, String region, String accessKeyId) {

    public Scope scope() {
        return new Scope(account, region);
    }
}
