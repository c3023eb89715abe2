package dev.trent.kms;

import dev.trent.crypto.Ciphertext;
import dev.trent.crypto.Randomness;
import dev.trent.crypto.SymmetricCipher;
import dev.trent.kms.KeyResolver.Accepts;
import java.util.Map;

/** The cryptographic operations of symmetric keys: Encrypt, Decrypt, ReEncrypt, data keys, random bytes. */
public final class Cryptography {

    /** What an encryption produced, and under which key material. */
    public record Sealed(KmsKey key, String materialId, byte[] ciphertext) {
    }

    /** What a decryption recovered, and from which key material. */
    public record Opened(KmsKey key, String materialId, byte[] plaintext) {
    }

    /** A data key: its plaintext (null when not asked for) and the same key encrypted. */
    public record DataKey(Sealed sealed, byte[] plaintext) {
    }

    public record ReEncrypted(Opened source, Sealed destination) {
    }

    private final KeyResolver resolver;
    private final SymmetricCipher cipher;
    private final Randomness random;

    Cryptography(KeyResolver resolver, SymmetricCipher cipher, Randomness random) {
        this.resolver = resolver;
        this.cipher = cipher;
        this.random = random;
    }

    public Sealed encrypt(Scope scope, String keyId, byte[] plaintext, Map<String, String> context,
            EncryptionAlgorithm algorithm, boolean dryRun) {
        KmsKey key = encryptionKey(scope, keyId, "kms:Encrypt", algorithm);
        DryRun.stopIf(dryRun);
        return seal(key, plaintext, context);
    }

    /**
     * @param ignoreCiphertext the dry-run modifier IGNORE_CIPHERTEXT: check the key named by
     *     {@code keyId} without reading the ciphertext
     */
    public Opened decrypt(Scope scope, byte[] ciphertext, Map<String, String> context, String keyId,
            EncryptionAlgorithm algorithm, boolean dryRun, boolean ignoreCiphertext) {
        if (dryRun && ignoreCiphertext) {
            dryRunWithoutCiphertext(scope, keyId, "kms:Decrypt", algorithm);
        }
        Named source = decryptionKey(scope, ciphertext, keyId, "kms:Decrypt", algorithm);
        DryRun.stopIf(dryRun);
        return open(source, context);
    }

    public ReEncrypted reEncrypt(Scope scope, byte[] ciphertext, Map<String, String> sourceContext,
            String sourceKeyId, EncryptionAlgorithm sourceAlgorithm, String destinationKeyId,
            Map<String, String> destinationContext, EncryptionAlgorithm destinationAlgorithm, boolean dryRun,
            boolean ignoreCiphertext) {
        KmsKey destination = encryptionKey(scope, destinationKeyId, "kms:ReEncryptTo", destinationAlgorithm);
        if (dryRun && ignoreCiphertext) {
            dryRunWithoutCiphertext(scope, sourceKeyId, "kms:ReEncryptFrom", sourceAlgorithm);
        }
        Named source = decryptionKey(scope, ciphertext, sourceKeyId, "kms:ReEncryptFrom", sourceAlgorithm);
        DryRun.stopIf(dryRun);
        Opened opened = open(source, sourceContext);
        return new ReEncrypted(opened, seal(destination, opened.plaintext(), destinationContext));
    }

    /**
     * @param keySpec or {@code numberOfBytes}: exactly one of the two
     * @param withPlaintext false for GenerateDataKeyWithoutPlaintext
     */
    public DataKey generateDataKey(Scope scope, String keyId, DataKeySpec keySpec, Integer numberOfBytes,
            Map<String, String> context, boolean withPlaintext, boolean dryRun) {
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw KmsException.validation("Please specify either number of bytes or key spec.");
        }
        String action = withPlaintext ? "kms:GenerateDataKey" : "kms:GenerateDataKeyWithoutPlaintext";
        KmsKey key = encryptionKey(scope, keyId, action, EncryptionAlgorithm.SYMMETRIC_DEFAULT);
        DryRun.stopIf(dryRun);
        byte[] plaintext = random.bytes(keySpec != null ? keySpec.bytes() : numberOfBytes);
        return new DataKey(seal(key, plaintext, context), withPlaintext ? plaintext : null);
    }

    public byte[] generateRandom(Integer numberOfBytes, String customKeyStoreId) {
        if (customKeyStoreId != null) {
            throw new KmsException(ErrorCode.CUSTOM_KEY_STORE_NOT_FOUND, null);
        }
        if (numberOfBytes == null) {
            throw KmsException.validation("NumberOfBytes is required.");
        }
        return random.bytes(numberOfBytes);
    }

    private void dryRunWithoutCiphertext(Scope scope, String keyId, String action, EncryptionAlgorithm algorithm) {
        if (keyId == null) {
            throw KmsException.validation("KeyId is required when the DryRunModifier IGNORE_CIPHERTEXT is used.");
        }
        checkUsable(resolver.resolve(scope, keyId, Accepts.KEY_OR_ALIAS, action), algorithm, action);
        DryRun.stopIf(true);
    }

    /** A key named by a ciphertext, checked for use, with the parsed ciphertext. */
    private record Named(KmsKey key, KeyMaterial material, Ciphertext ciphertext) {
    }

    private KmsKey encryptionKey(Scope scope, String keyId, String action, EncryptionAlgorithm algorithm) {
        KmsKey key = resolver.resolve(scope, keyId, Accepts.KEY_OR_ALIAS, action);
        checkUsable(key, algorithm, action);
        return key;
    }

    private Named decryptionKey(Scope scope, byte[] blob, String keyId, String action,
            EncryptionAlgorithm algorithm) {
        Ciphertext ciphertext = Ciphertext.parse(blob).orElseThrow(KmsException::invalidCiphertext);
        KmsArn arn = KmsArn.parse(ciphertext.keyArn()).filter(KmsArn::isKey)
                .orElseThrow(KmsException::invalidCiphertext);
        KmsKey requested = keyId == null ? null : resolver.resolve(scope, keyId, Accepts.KEY_OR_ALIAS, action);
        if (requested != null && !requested.arn().equals(arn.toString())) {
            throw new KmsException(ErrorCode.INCORRECT_KEY,
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        KmsKey key = requested != null ? requested : resolver.namedByCiphertext(scope, arn, action);
        checkUsable(key, algorithm, action);
        KeyMaterial material = key.material(ciphertext.materialId()).orElseThrow(KmsException::invalidCiphertext);
        return new Named(key, material, ciphertext);
    }

    private static void checkUsable(KmsKey key, EncryptionAlgorithm algorithm, String action) {
        KeyStateRule.ENABLED.check(key);
        if (key.usage() != KeyUsage.ENCRYPT_DECRYPT) {
            throw new KmsException(ErrorCode.INVALID_KEY_USAGE, key.arn() + " key usage is " + key.usage()
                    + " which is not valid for " + action.substring("kms:".length()) + ".");
        }
        if (algorithm != null && algorithm != EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            throw new KmsException(ErrorCode.INVALID_KEY_USAGE, "Algorithm " + algorithm
                    + " is incompatible with key spec " + key.spec() + ".");
        }
    }

    private Sealed seal(KmsKey key, byte[] plaintext, Map<String, String> context) {
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        byte[] blob = cipher.encrypt(key.arn(), material.id(), material.secret(), plaintext, context);
        return new Sealed(key, material.id(), blob);
    }

    private Opened open(Named source, Map<String, String> context) {
        byte[] plaintext = cipher.decrypt(source.ciphertext(), source.material().secret(), context)
                .orElseThrow(KmsException::invalidCiphertext);
        return new Opened(source.key(), source.material().id(), plaintext);
    }
}
