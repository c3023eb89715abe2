package dev.trent.kms;

import dev.trent.crypto.KeyAgreementAlgorithm;
import dev.trent.kms.KeyResolver.Accepts;

/** DeriveSharedSecret: ECDH between a KMS key and another party's public key. */
public final class KeyAgreements {
    private final KeyResolver resolver;

    KeyAgreements(KeyResolver resolver) {
        this.resolver = resolver;
    }

    public record Agreed(KmsKey key, byte[] sharedSecret) {
    }

    /** @param peerPublicKey the other party's DER SubjectPublicKeyInfo, on the key's curve */
    public Agreed derive(Requester requester, String keyId, KeyAgreementAlgorithm algorithm, byte[] peerPublicKey,
            boolean dryRun) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:DeriveSharedSecret");
        KeyUse.require(key, KeyUsage.KEY_AGREEMENT, "DeriveSharedSecret");
        KeyUse.requireAlgorithm(key, algorithm);
        DryRun.stopIf(dryRun);
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        byte[] secret = key.spec().engine().agree(material.secret(), peerPublicKey)
                .orElseThrow(() -> KmsException.validation(null));
        return new Agreed(key, secret);
    }
}
