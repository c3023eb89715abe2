package dev.trent.auth;

/** Finds who makes a request: by the SigV4 signature it carries, checked or not. */
public interface Authenticator {

    /** @throws AuthException when the request is refused */
    Caller authenticate(AuthRequest request);
}
