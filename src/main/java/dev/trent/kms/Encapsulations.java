package dev.trent.kms;

import dev.trent.crypto.EncapsulationAlgorithm;
import dev.trent.crypto.Encapsulation;
import dev.trent.kms.KeyResolver.Accepts;

/** Encapsulate and Decapsulate, with ML-KEM keys. */
public final class Encapsulations {
    private final KeyResolver resolver;

    Encapsulations(KeyResolver resolver) {
        this.resolver = resolver;
    }

    public record Encapsulated(KmsKey key, Encapsulation encapsulation) {
    }

    public record Decapsulated(KmsKey key, byte[] sharedSecret) {
    }

    public Encapsulated encapsulate(Requester requester, String keyId, EncapsulationAlgorithm algorithm, boolean dryRun) {
        KmsKey key = kemKey(requester, keyId, "Encapsulate", algorithm);
        DryRun.stopIf(dryRun);
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        return new Encapsulated(key, key.spec().engine().encapsulate(material.publicKey()));
    }

    public Decapsulated decapsulate(Requester requester, String keyId, EncapsulationAlgorithm algorithm, byte[] ciphertext,
            boolean dryRun) {
        KmsKey key = kemKey(requester, keyId, "Decapsulate", algorithm);
        DryRun.stopIf(dryRun);
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        byte[] secret = key.spec().engine().decapsulate(material.secret(), ciphertext)
                .orElseThrow(KmsException::invalidCiphertext);
        return new Decapsulated(key, secret);
    }

    private KmsKey kemKey(Requester requester, String keyId, String operation, EncapsulationAlgorithm algorithm) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:" + operation);
        KeyUse.require(key, KeyUsage.ENCAPSULATE_DECAPSULATE, operation);
        KeyUse.requireAlgorithm(key, algorithm);
        return key;
    }
}
