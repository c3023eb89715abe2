package dev.trent.kms;

import dev.trent.crypto.MacAlgorithm;
import dev.trent.kms.KeyResolver.Accepts;
import java.security.MessageDigest;

/** GenerateMac and VerifyMac, with HMAC keys. */
public final class Macs {
    private final KeyResolver resolver;

    Macs(KeyResolver resolver) {
        this.resolver = resolver;
    }

    public record Tagged(KmsKey key, byte[] mac) {
    }

    public Tagged generate(Requester requester, String keyId, byte[] message, MacAlgorithm algorithm, boolean dryRun) {
        KmsKey key = macKey(requester, keyId, "GenerateMac", algorithm);
        DryRun.stopIf(dryRun);
        return new Tagged(key, mac(key, algorithm, message));
    }

    /** Returns the key when the MAC is right; a wrong one is AWS's KMSInvalidMacException. */
    public KmsKey verify(Requester requester, String keyId, byte[] message, MacAlgorithm algorithm, byte[] mac,
            boolean dryRun) {
        KmsKey key = macKey(requester, keyId, "VerifyMac", algorithm);
        DryRun.stopIf(dryRun);
        if (!MessageDigest.isEqual(mac(key, algorithm, message), mac)) {
            throw new KmsException(ErrorCode.INVALID_MAC, null);
        }
        return key;
    }

    private KmsKey macKey(Requester requester, String keyId, String operation, MacAlgorithm algorithm) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:" + operation);
        KeyUse.require(key, KeyUsage.GENERATE_VERIFY_MAC, operation);
        KeyUse.requireAlgorithm(key, algorithm);
        return key;
    }

    private static byte[] mac(KmsKey key, MacAlgorithm algorithm, byte[] message) {
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        return key.spec().engine().mac(material.secret(), algorithm, message);
    }
}
