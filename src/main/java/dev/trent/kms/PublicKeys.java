package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;

/** GetPublicKey: the public half of an asymmetric key, as DER SubjectPublicKeyInfo. */
public final class PublicKeys {
    private final KeyResolver resolver;

    PublicKeys(KeyResolver resolver) {
        this.resolver = resolver;
    }

    public record PublicKey(KmsKey key, byte[] publicKey) {
    }

    public PublicKey get(Requester requester, String keyId) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:GetPublicKey");
        KeyStateRule.HAS_MATERIAL.check(key); // AWS gives a disabled key's public key too
        if (!key.spec().isAsymmetric()) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, null);
        }
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        return new PublicKey(key, material.publicKey());
    }
}
