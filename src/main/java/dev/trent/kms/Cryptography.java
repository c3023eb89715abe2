package dev.trent.kms;

import dev.trent.crypto.Ciphertext;
import dev.trent.crypto.EncryptionAlgorithm;
import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.Randomness;
import dev.trent.crypto.SymmetricCipher;
import dev.trent.kms.KeyResolver.Accepts;
import java.util.Map;
import java.util.Optional;

/**
 * Encryption with KMS keys: Encrypt, Decrypt and ReEncrypt with symmetric, RSA and SM2 keys, data
 * keys and data key pairs, random bytes. Symmetric ciphertexts are Trent's self-describing blobs;
 * asymmetric ones are the algorithm's own output, as AWS's are, so they need KeyId and algorithm.
 */
public final class Cryptography {

    /** What an encryption produced; the key material id only for symmetric keys, as AWS reports it. */
    public record Sealed(KmsKey key, EncryptionAlgorithm algorithm, String materialId, byte[] ciphertext) {
    }

    /** What a decryption recovered; the key material id only for symmetric keys. */
    public record Opened(KmsKey key, EncryptionAlgorithm algorithm, String materialId, byte[] plaintext) {
    }

    /** A data key: its plaintext (null when not asked for) and the same key encrypted. */
    public record DataKey(Sealed sealed, byte[] plaintext) {
    }

    /** A data key pair: the private key encrypted, and in plaintext (null when not asked for), and the public key. */
    public record DataKeyPair(Sealed sealedPrivateKey, byte[] privateKey, byte[] publicKey, KeySpec spec) {
    }

    public record ReEncrypted(Opened source, Sealed destination) {
    }

    /** A ciphertext and the key, algorithm and material that will decrypt it, checked for use. */
    private record Source(KmsKey key, EncryptionAlgorithm algorithm, KeyMaterial material, byte[] blob,
            Ciphertext symmetric) {
    }

    private final KeyResolver resolver;
    private final SymmetricCipher cipher;
    private final Randomness random;
    private final CustomKeyStores customKeyStores;

    private final KeyAccess access;

    Cryptography(KeyResolver resolver, SymmetricCipher cipher, Randomness random, CustomKeyStores customKeyStores, KeyAccess access) {
        this.access = access;
        this.resolver = resolver;
        this.cipher = cipher;
        this.random = random;
        this.customKeyStores = customKeyStores;
    }

    public Sealed encrypt(Requester requester, String keyId, byte[] plaintext, Map<String, String> context,
            EncryptionAlgorithm algorithm, boolean dryRun) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:Encrypt");
        EncryptionAlgorithm checked = checkEncryption(key, algorithm, "Encrypt", context, plaintext);
        DryRun.stopIf(dryRun);
        return seal(key, checked, plaintext, context);
    }

    /**
     * @param ignoreCiphertext the dry-run modifier IGNORE_CIPHERTEXT: check the key named by
     *     {@code keyId} without reading the ciphertext
     */
    public Opened decrypt(Requester requester, byte[] ciphertext, Map<String, String> context, String keyId,
            EncryptionAlgorithm algorithm, boolean dryRun, boolean ignoreCiphertext) {
        Source source = source(requester, ciphertext, context, keyId, algorithm, "kms:Decrypt", "Decrypt",
                dryRun && ignoreCiphertext);
        DryRun.stopIf(dryRun);
        return open(source, context);
    }

    public ReEncrypted reEncrypt(Requester requester, byte[] ciphertext, Map<String, String> sourceContext,
            String sourceKeyId, EncryptionAlgorithm sourceAlgorithm, String destinationKeyId,
            Map<String, String> destinationContext, EncryptionAlgorithm destinationAlgorithm, boolean dryRun,
            boolean ignoreCiphertext) {
        if (access.mode() == AccessMode.POLICIES) { // only policies test it: no lookups otherwise
            requester = requester.withFact("kms:ReEncryptOnSameKey",
                    Boolean.toString(sameKey(requester, ciphertext, sourceKeyId, destinationKeyId)));
        }
        KmsKey destination = resolver.resolve(requester, destinationKeyId, Accepts.KEY_OR_ALIAS, "kms:ReEncryptTo");
        EncryptionAlgorithm destinationChecked = checkEncryption(destination, destinationAlgorithm, "ReEncrypt",
                destinationContext, null);
        Source source = source(requester, ciphertext, sourceContext, sourceKeyId, sourceAlgorithm, "kms:ReEncryptFrom",
                "ReEncrypt", dryRun && ignoreCiphertext);
        DryRun.stopIf(dryRun);
        Opened opened = open(source, sourceContext);
        checkPlaintextSize(destination, destinationChecked, opened.plaintext());
        return new ReEncrypted(opened, seal(destination, destinationChecked, opened.plaintext(), destinationContext));
    }

    /**
     * kms:ReEncryptOnSameKey, which both of ReEncrypt's authorizations test, so it is told before either:
     * whether the source key (SourceKeyId, else the key the ciphertext names, as {@link #source} finds it)
     * is the destination key. False when either cannot be found; the operation then fails on its own.
     */
    private boolean sameKey(Requester requester, byte[] blob, String sourceKeyId, String destinationKeyId) {
        if (destinationKeyId == null) {
            return false;
        }
        try {
            KmsKey destination = resolver.find(requester.scope(), destinationKeyId, Accepts.KEY_OR_ALIAS);
            if (sourceKeyId != null) {
                return resolver.find(requester.scope(), sourceKeyId, Accepts.KEY_OR_ALIAS).arn().equals(destination.arn());
            }
            return Optional.ofNullable(blob).flatMap(Ciphertext::parse).flatMap(c -> KmsArn.parse(c.keyArn()))
                    .filter(arn -> arn.isKey() && arn.name().equals(destination.keyId())
                            && arn.scope().account().equals(destination.scope().account()))
                    .isPresent();
        } catch (KmsException e) {
            return false;
        }
    }

    /**
     * @param keySpec or {@code numberOfBytes}: exactly one of the two
     * @param withPlaintext false for GenerateDataKeyWithoutPlaintext
     */
    public DataKey generateDataKey(Requester requester, String keyId, DataKeySpec keySpec, Integer numberOfBytes,
            Map<String, String> context, boolean withPlaintext, boolean dryRun) {
        if ((keySpec == null) == (numberOfBytes == null)) {
            throw KmsException.validation("Please specify either number of bytes or key spec.");
        }
        String operation = withPlaintext ? "GenerateDataKey" : "GenerateDataKeyWithoutPlaintext";
        KmsKey key = dataKeyEncryptionKey(requester, keyId, operation);
        DryRun.stopIf(dryRun);
        byte[] plaintext = random.bytes(keySpec != null ? keySpec.bytes() : numberOfBytes);
        return new DataKey(seal(key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, plaintext, context),
                withPlaintext ? plaintext : null);
    }

    /**
     * @param pairSpec AWS's DataKeyPairSpec: the name of the key spec of the pair
     * @param withPlaintext false for GenerateDataKeyPairWithoutPlaintext
     */
    public DataKeyPair generateDataKeyPair(Requester requester, String keyId, KeySpec pairSpec, Map<String, String> context,
            boolean withPlaintext, boolean dryRun) {
        Scope scope = requester.scope();
        String operation = withPlaintext ? "GenerateDataKeyPair" : "GenerateDataKeyPairWithoutPlaintext";
        KmsKey key = dataKeyEncryptionKey(requester, keyId, operation);
        pairSpec.requireAvailableIn(scope, "KeyPairSpec");
        DryRun.stopIf(dryRun);
        GeneratedKey pair = pairSpec.engine().generate();
        Sealed sealed = seal(key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, pair.privateKey(), context);
        return new DataKeyPair(sealed, withPlaintext ? pair.privateKey() : null, pair.publicKey(), pairSpec);
    }

    public byte[] generateRandom(Requester requester, Integer numberOfBytes, String customKeyStoreId) {
        access.checkWithoutKey(requester, "kms:GenerateRandom");
        Scope scope = requester.scope();
        if (numberOfBytes == null) {
            throw KmsException.validation("NumberOfBytes is required.");
        }
        if (customKeyStoreId != null) { // the simulated cluster's random bytes are Trent's own
            customKeyStores.requireRandomSource(scope, customKeyStoreId);
        }
        return random.bytes(numberOfBytes);
    }

    /** Data keys and data key pairs are encrypted under symmetric encryption keys only. */
    private KmsKey dataKeyEncryptionKey(Requester requester, String keyId, String operation) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, "kms:" + operation);
        KeyUse.require(key, KeyUsage.ENCRYPT_DECRYPT, operation);
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new KmsException(ErrorCode.INVALID_KEY_USAGE, key.arn() + " key KeySpec is " + key.spec()
                    + " which is not valid for " + operation + ".");
        }
        return key;
    }

    /**
     * Checks the key for encryption with the algorithm (SYMMETRIC_DEFAULT when none is given), and,
     * for asymmetric algorithms, the encryption context and the plaintext's size (null: not known yet).
     */
    private static EncryptionAlgorithm checkEncryption(KmsKey key, EncryptionAlgorithm algorithm, String operation,
            Map<String, String> context, byte[] plaintext) {
        KeyUse.require(key, KeyUsage.ENCRYPT_DECRYPT, operation);
        EncryptionAlgorithm checked = algorithm == null ? EncryptionAlgorithm.SYMMETRIC_DEFAULT : algorithm;
        KeyUse.requireAlgorithm(key, checked);
        if (checked != EncryptionAlgorithm.SYMMETRIC_DEFAULT && !context.isEmpty()) {
            throw KmsException.validation(
                    "EncryptionContext is not supported when encrypting/decrypting with asymmetric CMKs.");
        }
        if (plaintext != null) {
            checkPlaintextSize(key, checked, plaintext);
        }
        return checked;
    }

    private static void checkPlaintextSize(KmsKey key, EncryptionAlgorithm algorithm, byte[] plaintext) {
        if (algorithm != EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            int max = key.spec().engine().maxPlaintext(algorithm);
            if (plaintext.length > max) {
                throw KmsException.validation("Algorithm " + algorithm + " and key spec " + key.spec()
                        + " cannot encrypt data larger than " + max + " bytes.");
            }
        }
    }

    /**
     * The key and material that decrypt a ciphertext, checked for use. A symmetric ciphertext names
     * its key; an asymmetric one cannot, so its KeyId and algorithm must be given. As AWS does, the
     * algorithm decides: without one, the ciphertext is read as symmetric first, so an RSA
     * ciphertext with its key but no algorithm is an InvalidCiphertextException.
     */
    private Source source(Requester requester, byte[] blob, Map<String, String> context, String keyId,
            EncryptionAlgorithm algorithm, String action, String operation, boolean ignoreCiphertext) {
        if (blob == null && !ignoreCiphertext) { // optional only for dry runs that ignore it
            throw KmsException.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        KmsKey named = keyId == null ? null : resolver.resolve(requester, keyId, Accepts.KEY_OR_ALIAS, action);
        boolean asymmetric = algorithm != null && algorithm != EncryptionAlgorithm.SYMMETRIC_DEFAULT;
        if (asymmetric && named == null) { // nothing else says which key made an RSA or SM2 ciphertext
            throw KmsException.invalidCiphertext();
        }
        if (asymmetric || ignoreCiphertext) {
            if (named == null) {
                throw KmsException.validation("KeyId is required when the DryRunModifier IGNORE_CIPHERTEXT is used.");
            }
            EncryptionAlgorithm checked = checkEncryption(named, algorithm, operation, context, null);
            return new Source(named, checked, named.currentMaterial().orElse(null), blob, null);
        }
        Ciphertext ciphertext = Ciphertext.parse(blob).orElseThrow(KmsException::invalidCiphertext);
        KmsArn arn = KmsArn.parse(ciphertext.keyArn()).filter(KmsArn::isKey)
                .orElseThrow(KmsException::invalidCiphertext);
        if (named != null && !named.sharesMaterialWith(arn)) {
            throw new KmsException(ErrorCode.INCORRECT_KEY,
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        KmsKey key = named != null ? named : resolver.namedByCiphertext(requester, arn, action);
        checkEncryption(key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, operation, context, null);
        KeyMaterial material = key.material(ciphertext.materialId()).orElseThrow(KmsException::invalidCiphertext);
        if (!material.present()) { // imported material deleted or expired since
            throw new KmsException(ErrorCode.INVALID_STATE, "The key material " + material.id() + " of " + key.arn()
                    + " is pending import.");
        }
        return new Source(key, EncryptionAlgorithm.SYMMETRIC_DEFAULT, material, blob, ciphertext);
    }

    private Sealed seal(KmsKey key, EncryptionAlgorithm algorithm, byte[] plaintext, Map<String, String> context) {
        KeyMaterial material = key.currentMaterial().orElseThrow(() -> KeyStateRule.invalidState(key));
        if (algorithm == EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            byte[] blob = cipher.encrypt(key.arn(), material.id(), material.secret(), plaintext, context);
            return new Sealed(key, algorithm, material.id(), blob);
        }
        return new Sealed(key, algorithm, null, key.spec().engine().encrypt(material.publicKey(), algorithm, plaintext));
    }

    private Opened open(Source source, Map<String, String> context) {
        if (source.symmetric() != null) {
            byte[] plaintext = cipher.decrypt(source.symmetric(), source.material().secret(), context)
                    .orElseThrow(KmsException::invalidCiphertext);
            return new Opened(source.key(), source.algorithm(), source.material().id(), plaintext);
        }
        byte[] plaintext = source.key().spec().engine().decrypt(source.material().secret(), source.algorithm(),
                        source.blob())
                .orElseThrow(KmsException::invalidCiphertext);
        return new Opened(source.key(), source.algorithm(), null, plaintext);
    }
}
