package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;
import static dev.trent.api.Shapes.context;
import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.Cryptography;
import dev.trent.kms.Cryptography.DataKey;
import dev.trent.kms.Cryptography.Opened;
import dev.trent.kms.Cryptography.ReEncrypted;
import dev.trent.kms.Cryptography.Sealed;
import dev.trent.kms.DataKeySpec;
import dev.trent.kms.EncryptionAlgorithm;
import dev.trent.kms.ErrorCode;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsException;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DryRunModifierType;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.RecipientInfo;

/** Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext), GenerateRandom. */
final class CryptoHandlers {
    private final Cryptography crypto;
    private final Api.Routes routes;

    CryptoHandlers(Kms kms, Api.Routes routes) {
        this.crypto = kms.cryptography();
        this.routes = routes;
    }

    void register() {
        routes.add(Operation.ENCRYPT, EncryptRequest::builder, (caller, r) -> {
            Sealed sealed = crypto.encrypt(caller.scope(), r.keyId(), bytes(r.plaintext()),
                    context(r.encryptionContext()), algorithm(r.encryptionAlgorithmAsString()), isTrue(r.dryRun()));
            return EncryptResponse.builder()
                    .ciphertextBlob(blob(sealed.ciphertext()))
                    .keyId(sealed.key().arn())
                    .encryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT.name())
                    .build();
        });
        routes.add(Operation.DECRYPT, DecryptRequest::builder, (caller, r) -> {
            refuseRecipient(r.recipient());
            Opened opened = crypto.decrypt(caller.scope(), bytes(r.ciphertextBlob()), context(r.encryptionContext()),
                    r.keyId(), algorithm(r.encryptionAlgorithmAsString()), isTrue(r.dryRun()),
                    r.dryRunModifiers().contains(DryRunModifierType.IGNORE_CIPHERTEXT));
            return DecryptResponse.builder()
                    .keyId(opened.key().arn())
                    .plaintext(blob(opened.plaintext()))
                    .encryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT.name())
                    .keyMaterialId(opened.materialId())
                    .build();
        });
        routes.add(Operation.RE_ENCRYPT, ReEncryptRequest::builder, (caller, r) -> {
            ReEncrypted result = crypto.reEncrypt(caller.scope(), bytes(r.ciphertextBlob()),
                    context(r.sourceEncryptionContext()), r.sourceKeyId(),
                    algorithm(r.sourceEncryptionAlgorithmAsString()), r.destinationKeyId(),
                    context(r.destinationEncryptionContext()), algorithm(r.destinationEncryptionAlgorithmAsString()),
                    isTrue(r.dryRun()), r.dryRunModifiers().contains(DryRunModifierType.IGNORE_CIPHERTEXT));
            return ReEncryptResponse.builder()
                    .ciphertextBlob(blob(result.destination().ciphertext()))
                    .sourceKeyId(result.source().key().arn())
                    .keyId(result.destination().key().arn())
                    .sourceEncryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT.name())
                    .destinationEncryptionAlgorithm(EncryptionAlgorithm.SYMMETRIC_DEFAULT.name())
                    .sourceKeyMaterialId(result.source().materialId())
                    .destinationKeyMaterialId(result.destination().materialId())
                    .build();
        });
        routes.add(Operation.GENERATE_DATA_KEY, GenerateDataKeyRequest::builder, (caller, r) -> {
            refuseRecipient(r.recipient());
            DataKey key = crypto.generateDataKey(caller.scope(), r.keyId(), domainEnum(r.keySpecAsString(),
                    DataKeySpec.class), r.numberOfBytes(), context(r.encryptionContext()), true, isTrue(r.dryRun()));
            return GenerateDataKeyResponse.builder()
                    .ciphertextBlob(blob(key.sealed().ciphertext()))
                    .plaintext(blob(key.plaintext()))
                    .keyId(key.sealed().key().arn())
                    .keyMaterialId(key.sealed().materialId())
                    .build();
        });
        routes.add(Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GenerateDataKeyWithoutPlaintextRequest::builder,
                (caller, r) -> {
                    DataKey key = crypto.generateDataKey(caller.scope(), r.keyId(), domainEnum(r.keySpecAsString(),
                            DataKeySpec.class), r.numberOfBytes(), context(r.encryptionContext()), false,
                            isTrue(r.dryRun()));
                    return GenerateDataKeyWithoutPlaintextResponse.builder()
                            .ciphertextBlob(blob(key.sealed().ciphertext()))
                            .keyId(key.sealed().key().arn())
                            .keyMaterialId(key.sealed().materialId())
                            .build();
                });
        routes.add(Operation.GENERATE_RANDOM, GenerateRandomRequest::builder, (caller, r) -> {
            refuseRecipient(r.recipient());
            return GenerateRandomResponse.builder()
                    .plaintext(blob(crypto.generateRandom(r.numberOfBytes(), r.customKeyStoreId())))
                    .build();
        });
    }

    private static EncryptionAlgorithm algorithm(String value) {
        return domainEnum(value, EncryptionAlgorithm.class);
    }

    /** Nitro Enclaves attestation: refused rather than ignored, since ignoring it would return plaintext. */
    private static void refuseRecipient(RecipientInfo recipient) {
        if (recipient != null) {
            throw new KmsException(ErrorCode.UNSUPPORTED_OPERATION,
                    "Trent does not support Recipient (AWS Nitro Enclaves attestation) yet.");
        }
    }
}
