package dev.trent.kms;

import dev.trent.crypto.GeneratedKey;
import dev.trent.crypto.ImportedKeys;
import dev.trent.crypto.KeyUnwrapping;
import dev.trent.crypto.Randomness;
import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key material imported from outside KMS into keys of origin EXTERNAL: wrapping keys and import
 * tokens, the import itself (first material, the same material again, or new material for an
 * on-demand rotation of a symmetric key), deletion, and expiry when the clock passes ValidTo.
 */
public final class KeyImports {
    /** AWS: "Each public key and import token set is valid for 24 hours." */
    static final Duration TOKEN_LIFE = Duration.ofHours(24);
    /** AWS: ValidTo is at most 365 days from the request date. */
    static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final int TOKEN_BYTES = 64;
    private static final HexFormat HEX = HexFormat.of();

    /** What GetParametersForImport returns. */
    public record Parameters(KmsKey key, byte[] importToken, byte[] publicKey, Instant validTo) {
    }

    /** An import: the key as it is now and the id of the material imported. */
    public record Imported(KmsKey key, String materialId) {
    }

    /**
     * ImportKeyMaterial's request.
     *
     * @param expirationModel null: AWS's default, KEY_MATERIAL_EXPIRES
     * @param importType null: NEW_KEY_MATERIAL for a key that never had material, else EXISTING_KEY_MATERIAL
     */
    public record ImportCommand(String keyId, byte[] importToken, byte[] encryptedKeyMaterial, Instant validTo,
            ExpirationModel expirationModel, ImportType importType, String keyMaterialId,
            String keyMaterialDescription) {
    }

    private final Store store;
    private final ScopeLocks locks;
    private final KeyResolver resolver;
    private final KeyMaterials materials;
    private final Randomness random;
    private final Clock clock;
    private final KeySchedule expiries = new KeySchedule();

    KeyImports(Store store, ScopeLocks locks, KeyResolver resolver, KeyMaterials materials, Randomness random,
            Clock clock) {
        this.store = store;
        this.locks = locks;
        this.resolver = resolver;
        this.materials = materials;
        this.random = random;
        this.clock = clock;
    }

    public Parameters parameters(Requester requester, String keyId, WrappingAlgorithm algorithm, WrappingKeySpec spec) {
        Scope scope = requester.scope();
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:GetParametersForImport");
        requireExternal(key);
        KeyStateRule.NOT_PENDING_DELETION.check(key);
        if (!ImportedKeys.importable(key.spec().name())) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION, key.arn() + " KeySpec " + key.spec()
                    + " does not support imported key material.");
        }
        requireWrapping(scope, key, algorithm, spec);
        GeneratedKey wrapping = KeyUnwrapping.newWrappingKey(spec.name());
        Instant validTo = clock.instant().plus(TOKEN_LIFE);
        byte[] token = random.bytes(TOKEN_BYTES);
        forgetExpiredTokens();
        store.putImportToken(new ImportToken(HEX.formatHex(token), key.scope(), key.keyId(), algorithm,
                wrapping.privateKey(), validTo));
        return new Parameters(key, token, wrapping.publicKey(), validTo);
    }

    private static void requireWrapping(Scope scope, KmsKey key, WrappingAlgorithm algorithm, WrappingKeySpec spec) {
        if (algorithm == WrappingAlgorithm.RSAES_PKCS1_V1_5) { // AWS stopped taking it on 10 October 2023
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "WrappingAlgorithm RSAES_PKCS1_V1_5 is not supported.");
        }
        boolean china = scope.partition().equals("aws-cn");
        if (spec == WrappingKeySpec.SM2 && !china) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "WrappingKeySpec SM2 is not supported in this Region");
        }
        if (algorithm == WrappingAlgorithm.SM2PKE && !china) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "WrappingAlgorithm SM2PKE is not supported in this Region");
        }
        if ((algorithm == WrappingAlgorithm.SM2PKE) != (spec == WrappingKeySpec.SM2)) {
            throw KmsException.validation("WrappingAlgorithm " + algorithm + " is not compatible with WrappingKeySpec "
                    + spec + ".");
        }
        boolean rsaMaterial = key.spec().name().startsWith("RSA_");
        if (rsaMaterial && (algorithm == WrappingAlgorithm.RSAES_OAEP_SHA_1
                || algorithm == WrappingAlgorithm.RSAES_OAEP_SHA_256)) {
            throw KmsException.validation("WrappingAlgorithm " + algorithm + " cannot wrap RSA key material. Use "
                    + "RSA_AES_KEY_WRAP_SHA_1 or RSA_AES_KEY_WRAP_SHA_256.");
        }
    }

    public Imported importMaterial(Requester requester, ImportCommand command) {
        Scope scope = requester.scope();
        KmsKey named = resolver.resolve(requester, command.keyId(), Accepts.KEY_ID_OR_ARN, "kms:ImportKeyMaterial");
        requireExternal(named);
        KeyStateRule.NOT_PENDING_DELETION.check(named);
        Instant validTo = checkExpiration(command);
        checkSymmetricOnlyMembers(named, command);
        ImportToken issued = issued(named, command.importToken());
        byte[] unwrapped = KeyUnwrapping.unwrap(issued.algorithm().name(), issued.privateKey(),
                command.encryptedKeyMaterial()).orElseThrow(KmsException::invalidCiphertext);
        GeneratedKey material = ImportedKeys.read(named.spec().name(), unwrapped)
                .orElseThrow(() -> incorrectMaterial("The key material is not valid for KeySpec " + named.spec() + "."));
        String id = KeyMaterials.importedId(named.keyId(),
                material.publicKey() != null ? material.publicKey() : material.privateKey());
        Imported imported = locks.write(named.scope(), () -> {
            KmsKey key = resolver.key(named.scope(), named.keyId());
            KeyStateRule.NOT_PENDING_DELETION.check(key);
            requireMaterialOfRelatedKeys(key, id);
            return new Imported(install(key, command, material, id, validTo), id);
        });
        if (validTo != null) {
            expiries.add(validTo, imported.key());
        }
        return imported;
    }

    private KmsKey install(KmsKey key, ImportCommand command, GeneratedKey material, String id, Instant validTo) {
        ImportType type = command.importType() != null ? command.importType()
                : key.materials().isEmpty() ? ImportType.NEW_KEY_MATERIAL : ImportType.EXISTING_KEY_MATERIAL;
        Optional<KeyMaterial> known = key.material(id);
        if (type == ImportType.EXISTING_KEY_MATERIAL) {
            if (command.keyMaterialId() != null && !command.keyMaterialId().equals(id) || known.isEmpty()) {
                throw incorrectMaterial("The key material is not the key material previously imported into this KMS "
                        + "key.");
            }
            KeyMaterial before = known.get();
            String description = command.keyMaterialDescription() != null ? command.keyMaterialDescription()
                    : before.imported() == null ? null : before.imported().description();
            KeyMaterial back = before.reimported(material.privateKey(), new ImportedMaterial(description, validTo));
            KmsKey changed = key.toBuilder().materials(KeyMaterials.replaced(key.materials(), back)).build();
            if (back.id().equals(key.currentMaterialId()) && key.state() == KeyState.PENDING_IMPORT) {
                changed = changed.withState(KeyState.ENABLED);
            }
            store.putKey(changed);
            return changed;
        }
        if (known.isPresent()) {
            throw incorrectMaterial("The key material is already associated with this KMS key. Use ImportType "
                    + "EXISTING_KEY_MATERIAL to reimport it.");
        }
        KeyMaterial fresh = new KeyMaterial(id, material.privateKey(), material.publicKey(), clock.instant(), null,
                new ImportedMaterial(command.keyMaterialDescription(), validTo));
        if (key.materials().isEmpty()) {
            return materials.makeCurrent(key.withState(KeyState.ENABLED), fresh, null);
        }
        if (key.materials().stream().anyMatch(m -> KeyMaterials.isPendingRotation(key, m))) {
            throw new KmsException(ErrorCode.INVALID_STATE, key.arn() + " already has key material in the "
                    + "PENDING_ROTATION state. Rotate to it with RotateKeyOnDemand, or delete it, first.");
        }
        KmsKey changed = key.toBuilder().materials(KeyMaterials.replaced(key.materials(), fresh)).build();
        store.putKey(changed);
        return changed;
    }

    /** The token's wrapping key, if the token is one Trent issued for this key and still valid. */
    private ImportToken issued(KmsKey key, byte[] token) {
        ImportToken issued = store.importToken(HEX.formatHex(token)).orElse(null);
        if (issued == null || !issued.scope().equals(key.scope()) || !issued.keyId().equals(key.keyId())) {
            throw new KmsException(ErrorCode.INVALID_IMPORT_TOKEN,
                    "The import token is invalid or is associated with a different KMS key.");
        }
        if (clock.instant().isAfter(issued.validTo())) {
            throw new KmsException(ErrorCode.EXPIRED_IMPORT_TOKEN, "The import token expired at "
                    + issued.validTo() + ". Use GetParametersForImport to get a new import token and public key.");
        }
        return issued;
    }

    private void forgetExpiredTokens() {
        // kept a day past their end, to tell an expired token from one never issued
        store.deleteImportTokensExpiredBefore(clock.instant().minus(TOKEN_LIFE));
    }

    /** ValidTo, or null for material that does not expire. */
    private Instant checkExpiration(ImportCommand command) {
        ExpirationModel model = command.expirationModel() != null ? command.expirationModel()
                : ExpirationModel.KEY_MATERIAL_EXPIRES;
        Instant validTo = command.validTo();
        if (model == ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE) {
            if (validTo != null) {
                throw KmsException.validation(
                        "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE");
            }
            return null;
        }
        if (validTo == null) {
            throw KmsException.validation("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        }
        Instant now = clock.instant();
        if (!validTo.isAfter(now)) {
            throw KmsException.validation("The validTo date must be in the future.");
        }
        if (validTo.isAfter(now.plus(MAX_VALIDITY))) {
            throw KmsException.validation("The validTo date must be no more than 365 days from the request date.");
        }
        return validTo;
    }

    /** ImportType, KeyMaterialId and KeyMaterialDescription belong to symmetric encryption keys only. */
    private static void checkSymmetricOnlyMembers(KmsKey key, ImportCommand command) {
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            for (var member : List.of(
                    Map.entry("ImportType", Optional.ofNullable(command.importType())),
                    Map.entry("KeyMaterialId", Optional.ofNullable(command.keyMaterialId())),
                    Map.entry("KeyMaterialDescription", Optional.ofNullable(command.keyMaterialDescription())))) {
                if (member.getValue().isPresent()) {
                    throw KmsException.validation(member.getKey() + " is only valid for symmetric encryption keys.");
                }
            }
        }
        if (command.importType() == ImportType.NEW_KEY_MATERIAL && command.keyMaterialId() != null) {
            throw KmsException.validation("KeyMaterialId cannot be specified when ImportType is NEW_KEY_MATERIAL.");
        }
    }

    /**
     * DeleteImportedKeyMaterial: the named material (the current one by default) is gone until
     * imported again; material still waiting for rotation is forgotten altogether, as AWS lets
     * other material be imported in its place.
     *
     * @return the key as it is now and the id of the deleted material (null when there was none)
     */
    public Imported delete(Requester requester, String keyId, String keyMaterialId) {
        Scope scope = requester.scope();
        KmsKey named = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:DeleteImportedKeyMaterial");
        requireExternal(named);
        // AWS: a key pending deletion keeps its state; any other key waits for an import
        return locks.write(named.scope(), () -> {
            KmsKey key = resolver.key(named.scope(), named.keyId());
            Optional<KeyMaterial> target = keyMaterialId == null ? key.currentMaterial() : key.material(keyMaterialId);
            if (target.isEmpty()) {
                if (keyMaterialId != null) {
                    throw KmsException.notFound("Key material " + keyMaterialId + " is not associated with "
                            + key.arn() + ".");
                }
                return new Imported(key, null); // nothing imported yet: no effect, as AWS has it
            }
            KmsKey changed = withoutMaterial(key, target.get());
            store.putKey(changed);
            return new Imported(changed, target.get().id());
        });
    }

    private static KmsKey withoutMaterial(KmsKey key, KeyMaterial material) {
        if (KeyMaterials.isPendingRotation(key, material)) {
            return key.toBuilder().materials(key.materials().stream()
                    .filter(m -> !m.id().equals(material.id())).toList()).build();
        }
        KmsKey changed = key.toBuilder()
                .materials(KeyMaterials.replaced(key.materials(), material.withoutSecret()))
                .build();
        boolean current = material.id().equals(key.currentMaterialId());
        return current && key.state() != KeyState.PENDING_DELETION ? changed.withState(KeyState.PENDING_IMPORT)
                : changed;
    }

    /** Schedules the expiry of each imported material the key holds that has a ValidTo: for keys read from the store. */
    void scheduleFrom(KmsKey key) {
        for (KeyMaterial material : key.materials()) {
            if (material.present() && material.imported() != null && material.imported().validTo() != null) {
                expiries.add(material.imported().validTo(), key);
            }
        }
    }

    /** Deletes the imported material whose ValidTo the clock has passed; the key waits for an import again. */
    void expireDue() {
        Instant now = clock.instant();
        for (var entry = expiries.pollDue(now); entry.isPresent(); entry = expiries.pollDue(now)) {
            KeySchedule.Entry e = entry.get();
            locks.write(e.scope(), () -> store.key(e.scope(), e.keyId()).ifPresent(key -> {
                KmsKey changed = key;
                for (KeyMaterial material : key.materials()) {
                    if (material.present() && material.imported() != null && material.imported().validTo() != null
                            && !material.imported().validTo().isAfter(now)) {
                        KmsKey before = changed;
                        KeyMaterial current = before.material(material.id()).orElseThrow();
                        changed = KeyMaterials.isPendingRotation(before, current)
                                ? before.toBuilder().materials(KeyMaterials.replaced(before.materials(),
                                        current.withoutSecret())).build()
                                : withoutMaterial(before, current);
                    }
                }
                if (changed != key) {
                    store.putKey(changed);
                }
            }));
        }
    }

    /**
     * Related multi-Region keys share their key material: once one of them has its first material,
     * the first material of each other one must be the same.
     */
    private void requireMaterialOfRelatedKeys(KmsKey key, String id) {
        if (!key.isMultiRegion() || !key.materials().isEmpty()) {
            return;
        }
        List<String> firstMaterials = key.multiRegion().regions().stream()
                .filter(region -> !region.equals(key.scope().region()))
                .flatMap(region -> store.key(new Scope(key.scope().account(), region), key.keyId()).stream())
                .filter(related -> !related.materials().isEmpty())
                .map(related -> related.materials().get(0).id())
                .toList();
        if (!firstMaterials.isEmpty() && !firstMaterials.contains(id)) {
            throw incorrectMaterial("The key material is not the key material of the related multi-Region keys.");
        }
    }

    private static void requireExternal(KmsKey key) {
        if (key.origin() != Origin.EXTERNAL) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    key.arn() + " origin is " + key.origin() + " which is not valid for this operation.");
        }
    }

    private static KmsException incorrectMaterial(String message) {
        return new KmsException(ErrorCode.INCORRECT_KEY_MATERIAL, message);
    }
}
