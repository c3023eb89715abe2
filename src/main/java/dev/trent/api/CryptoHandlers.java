package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;
import static dev.trent.api.Shapes.context;
import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.Cryptography;
import dev.trent.kms.Cryptography.DataKey;
import dev.trent.kms.Cryptography.DataKeyPair;
import dev.trent.kms.Cryptography.Opened;
import dev.trent.kms.Cryptography.ReEncrypted;
import dev.trent.kms.Cryptography.Sealed;
import dev.trent.kms.DataKeySpec;
import dev.trent.crypto.EncryptionAlgorithm;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.KeySpec;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsException;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DryRunModifierType;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateDataKeyPair(WithoutPlaintext), GenerateRandom. */
final class CryptoHandlers implements HandlerGroup {
    private final Cryptography crypto;

    CryptoHandlers(Kms kms) {
        this.crypto = kms.cryptography();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case ENCRYPT -> Api.route(EncryptRequest::builder, (caller, r) -> {
                Sealed sealed = crypto.encrypt(caller, r.keyId(), bytes(r.plaintext()),
                        context(r.encryptionContext()), algorithm(r.encryptionAlgorithmAsString()), isTrue(r.dryRun()));
                return EncryptResponse.builder()
                        .ciphertextBlob(blob(sealed.ciphertext()))
                        .keyId(sealed.key().arn())
                        .encryptionAlgorithm(sealed.algorithm().name())
                        .build();
            });
            case DECRYPT -> Api.route(DecryptRequest::builder, (caller, r) -> {
                RecipientRelease release = RecipientRelease.of(r.recipient());
                Opened opened = crypto.decrypt(caller, bytes(r.ciphertextBlob()), context(r.encryptionContext()),
                        r.keyId(), algorithm(r.encryptionAlgorithmAsString()), isTrue(r.dryRun()),
                        r.dryRunModifiers().contains(DryRunModifierType.IGNORE_CIPHERTEXT));
                return DecryptResponse.builder()
                        .keyId(opened.key().arn())
                        .plaintext(release.plaintext(opened.plaintext()))
                        .ciphertextForRecipient(release.ciphertextForRecipient(opened.plaintext()))
                        .encryptionAlgorithm(opened.algorithm().name())
                        .keyMaterialId(release.keyMaterialId(opened.materialId()))
                        .build();
            });
            case RE_ENCRYPT -> Api.route(ReEncryptRequest::builder, (caller, r) -> {
                ReEncrypted result = crypto.reEncrypt(caller, bytes(r.ciphertextBlob()),
                        context(r.sourceEncryptionContext()), r.sourceKeyId(),
                        algorithm(r.sourceEncryptionAlgorithmAsString()), r.destinationKeyId(),
                        context(r.destinationEncryptionContext()), algorithm(r.destinationEncryptionAlgorithmAsString()),
                        isTrue(r.dryRun()), r.dryRunModifiers().contains(DryRunModifierType.IGNORE_CIPHERTEXT));
                return ReEncryptResponse.builder()
                        .ciphertextBlob(blob(result.destination().ciphertext()))
                        .sourceKeyId(result.source().key().arn())
                        .keyId(result.destination().key().arn())
                        .sourceEncryptionAlgorithm(result.source().algorithm().name())
                        .destinationEncryptionAlgorithm(result.destination().algorithm().name())
                        .sourceKeyMaterialId(result.source().materialId())
                        .destinationKeyMaterialId(result.destination().materialId())
                        .build();
            });
            case GENERATE_DATA_KEY -> Api.route(GenerateDataKeyRequest::builder, (caller, r) -> {
                RecipientRelease release = RecipientRelease.of(r.recipient());
                DataKey key = crypto.generateDataKey(caller, r.keyId(), domainEnum(r.keySpecAsString(),
                        DataKeySpec.class), r.numberOfBytes(), context(r.encryptionContext()), true, isTrue(r.dryRun()));
                return GenerateDataKeyResponse.builder()
                        .ciphertextBlob(blob(key.sealed().ciphertext()))
                        .plaintext(release.plaintext(key.plaintext()))
                        .ciphertextForRecipient(release.ciphertextForRecipient(key.plaintext()))
                        .keyId(key.sealed().key().arn())
                        .keyMaterialId(release.keyMaterialId(key.sealed().materialId()))
                        .build();
            });
            case GENERATE_DATA_KEY_WITHOUT_PLAINTEXT -> Api.route(GenerateDataKeyWithoutPlaintextRequest::builder,
                    (caller, r) -> {
                        DataKey key = crypto.generateDataKey(caller, r.keyId(), domainEnum(r.keySpecAsString(),
                                DataKeySpec.class), r.numberOfBytes(), context(r.encryptionContext()), false,
                                isTrue(r.dryRun()));
                        return GenerateDataKeyWithoutPlaintextResponse.builder()
                                .ciphertextBlob(blob(key.sealed().ciphertext()))
                                .keyId(key.sealed().key().arn())
                                .keyMaterialId(key.sealed().materialId())
                                .build();
                    });
            case GENERATE_DATA_KEY_PAIR -> Api.route(GenerateDataKeyPairRequest::builder, (caller, r) -> {
                RecipientRelease release = RecipientRelease.of(r.recipient());
                DataKeyPair pair = crypto.generateDataKeyPair(caller, r.keyId(),
                        domainEnum(r.keyPairSpecAsString(), KeySpec.class), context(r.encryptionContext()), true,
                        isTrue(r.dryRun()));
                return GenerateDataKeyPairResponse.builder()
                        .privateKeyCiphertextBlob(blob(pair.sealedPrivateKey().ciphertext()))
                        .privateKeyPlaintext(release.plaintext(pair.privateKey()))
                        .ciphertextForRecipient(release.ciphertextForRecipient(pair.privateKey()))
                        .publicKey(blob(pair.publicKey()))
                        .keyId(pair.sealedPrivateKey().key().arn())
                        .keyPairSpec(pair.spec().name())
                        .keyMaterialId(pair.sealedPrivateKey().materialId())
                        .build();
            });
            case GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT -> Api.route(GenerateDataKeyPairWithoutPlaintextRequest::builder, (caller, r) -> {
                        DataKeyPair pair = crypto.generateDataKeyPair(caller, r.keyId(),
                                domainEnum(r.keyPairSpecAsString(), KeySpec.class), context(r.encryptionContext()), false,
                                isTrue(r.dryRun()));
                        return GenerateDataKeyPairWithoutPlaintextResponse.builder()
                                .privateKeyCiphertextBlob(blob(pair.sealedPrivateKey().ciphertext()))
                                .publicKey(blob(pair.publicKey()))
                                .keyId(pair.sealedPrivateKey().key().arn())
                                .keyPairSpec(pair.spec().name())
                                .keyMaterialId(pair.sealedPrivateKey().materialId())
                                .build();
                    });
            case GENERATE_RANDOM -> Api.route(GenerateRandomRequest::builder, (caller, r) -> {
                RecipientRelease release = RecipientRelease.of(r.recipient());
                byte[] random = crypto.generateRandom(caller, r.numberOfBytes(), r.customKeyStoreId());
                return GenerateRandomResponse.builder()
                        .plaintext(release.plaintext(random))
                        .ciphertextForRecipient(release.ciphertextForRecipient(random))
                        .build();
            });
            default -> null;
        };
    }

    private static EncryptionAlgorithm algorithm(String value) {
        return domainEnum(value, EncryptionAlgorithm.class);
    }
}
