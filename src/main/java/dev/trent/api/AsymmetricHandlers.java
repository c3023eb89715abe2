package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;
import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.crypto.EncapsulationAlgorithm;
import dev.trent.crypto.KeyAgreementAlgorithm;
import dev.trent.crypto.MessageType;
import dev.trent.crypto.SigningAlgorithm;
import dev.trent.kms.Algorithms;
import dev.trent.kms.Encapsulations;
import dev.trent.kms.KeyAgreements;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Kms;
import dev.trent.kms.PublicKeys;
import dev.trent.kms.Signatures;
import software.amazon.awssdk.services.kms.model.DecapsulateRequest;
import software.amazon.awssdk.services.kms.model.DecapsulateResponse;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretRequest;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretResponse;
import software.amazon.awssdk.services.kms.model.EncapsulateRequest;
import software.amazon.awssdk.services.kms.model.EncapsulateResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/** Sign, Verify, GetPublicKey, DeriveSharedSecret, Encapsulate, Decapsulate. */
final class AsymmetricHandlers implements HandlerGroup {
    private final Signatures signatures;
    private final PublicKeys publicKeys;
    private final KeyAgreements agreements;
    private final Encapsulations encapsulations;

    AsymmetricHandlers(Kms kms) {
        this.signatures = kms.signatures();
        this.publicKeys = kms.publicKeys();
        this.agreements = kms.keyAgreements();
        this.encapsulations = kms.encapsulations();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case SIGN -> Api.route(SignRequest::builder, (caller, r) -> {
                SigningAlgorithm algorithm = domainEnum(r.signingAlgorithmAsString(), SigningAlgorithm.class);
                Signatures.Signed signed = signatures.sign(caller, r.keyId(), bytes(r.message()),
                        messageType(r.messageTypeAsString()), algorithm, isTrue(r.dryRun()));
                return SignResponse.builder()
                        .keyId(signed.key().arn())
                        .signature(blob(signed.signature()))
                        .signingAlgorithm(algorithm.name())
                        .build();
            });
            case VERIFY -> Api.route(VerifyRequest::builder, (caller, r) -> {
                SigningAlgorithm algorithm = domainEnum(r.signingAlgorithmAsString(), SigningAlgorithm.class);
                KmsKey key = signatures.verify(caller, r.keyId(), bytes(r.message()),
                        messageType(r.messageTypeAsString()), algorithm, bytes(r.signature()), isTrue(r.dryRun()));
                return VerifyResponse.builder()
                        .keyId(key.arn())
                        .signatureValid(true)
                        .signingAlgorithm(algorithm.name())
                        .build();
            });
            case GET_PUBLIC_KEY -> Api.route(GetPublicKeyRequest::builder, (caller, r) -> {
                PublicKeys.PublicKey found = publicKeys.get(caller, r.keyId());
                KmsKey key = found.key();
                Algorithms algorithms = key.algorithms();
                return GetPublicKeyResponse.builder()
                        .keyId(key.arn())
                        .publicKey(blob(found.publicKey()))
                        .customerMasterKeySpec(Shapes.legacySpec(key.spec()))
                        .keySpec(key.spec().name())
                        .keyUsage(key.usage().name())
                        .encryptionAlgorithmsWithStrings(Shapes.names(algorithms.encryption()))
                        .signingAlgorithmsWithStrings(Shapes.names(algorithms.signing()))
                        .keyAgreementAlgorithmsWithStrings(Shapes.names(algorithms.keyAgreement()))
                        .encapsulationAlgorithmsWithStrings(Shapes.names(algorithms.encapsulation()))
                        .build();
            });
            case DERIVE_SHARED_SECRET -> Api.route(DeriveSharedSecretRequest::builder, (caller, r) -> {
                RecipientRelease release = RecipientRelease.of(r.recipient());
                KeyAgreementAlgorithm algorithm = domainEnum(r.keyAgreementAlgorithmAsString(),
                        KeyAgreementAlgorithm.class);
                KeyAgreements.Agreed agreed = agreements.derive(caller, r.keyId(), algorithm, bytes(r.publicKey()),
                        isTrue(r.dryRun()));
                return DeriveSharedSecretResponse.builder()
                        .keyId(agreed.key().arn())
                        .sharedSecret(release.plaintext(agreed.sharedSecret()))
                        .ciphertextForRecipient(release.ciphertextForRecipient(agreed.sharedSecret()))
                        .keyAgreementAlgorithm(algorithm.name())
                        .keyOrigin(agreed.key().origin().name())
                        .build();
            });
            case ENCAPSULATE -> Api.route(EncapsulateRequest::builder, (caller, r) -> {
                EncapsulationAlgorithm algorithm = domainEnum(r.encapsulationAlgorithmAsString(),
                        EncapsulationAlgorithm.class);
                Encapsulations.Encapsulated result = encapsulations.encapsulate(caller, r.keyId(), algorithm,
                        isTrue(r.dryRun()));
                return EncapsulateResponse.builder()
                        .keyId(result.key().arn())
                        .sharedSecret(blob(result.encapsulation().sharedSecret()))
                        .sharedSecretCiphertextBlob(blob(result.encapsulation().ciphertext()))
                        .encapsulationAlgorithm(algorithm.name())
                        .build();
            });
            case DECAPSULATE -> Api.route(DecapsulateRequest::builder, (caller, r) -> {
                EncapsulationAlgorithm algorithm = domainEnum(r.encapsulationAlgorithmAsString(),
                        EncapsulationAlgorithm.class);
                Encapsulations.Decapsulated result = encapsulations.decapsulate(caller, r.keyId(), algorithm,
                        bytes(r.sharedSecretCiphertextBlob()), isTrue(r.dryRun()));
                return DecapsulateResponse.builder()
                        .keyId(result.key().arn())
                        .sharedSecret(blob(result.sharedSecret()))
                        .encapsulationAlgorithm(algorithm.name())
                        .build();
            });
            default -> null;
        };
    }

    private static MessageType messageType(String value) {
        MessageType type = domainEnum(value, MessageType.class);
        return type == null ? MessageType.RAW : type;
    }
}
