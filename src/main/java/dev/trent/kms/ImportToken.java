package dev.trent.kms;

import java.time.Instant;

/**
 * An import token handed out by GetParametersForImport, with the private half of its wrapping key.
 *
 * @param id the token's bytes in lowercase hex
 * @param privateKey the PKCS#8 DER private key that unwraps material wrapped for this token: a secret
 * @param validTo the end of the token's life, 24 hours after it was issued
 */
public record ImportToken(String id, Scope scope, String keyId, WrappingAlgorithm algorithm, byte[] privateKey,
        Instant validTo) {
    public String keyArn() {
        return scope.keyArn(keyId);
    }
}
