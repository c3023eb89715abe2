package dev.trent.api;

import static dev.trent.api.Shapes.blob;
import static dev.trent.api.Shapes.bytes;
import static dev.trent.api.Shapes.domainEnum;

import dev.trent.kms.ExpirationModel;
import dev.trent.kms.ImportType;
import dev.trent.kms.KeyImports;
import dev.trent.kms.Kms;
import dev.trent.kms.WrappingAlgorithm;
import dev.trent.kms.WrappingKeySpec;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;

/** GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial. */
final class ImportHandlers implements HandlerGroup {
    private final KeyImports imports;

    ImportHandlers(Kms kms) {
        this.imports = kms.imports();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case GET_PARAMETERS_FOR_IMPORT -> Api.route(GetParametersForImportRequest::builder, (caller, r) -> {
                KeyImports.Parameters parameters = imports.parameters(caller, r.keyId(),
                        domainEnum(r.wrappingAlgorithmAsString(), WrappingAlgorithm.class),
                        domainEnum(r.wrappingKeySpecAsString(), WrappingKeySpec.class));
                return GetParametersForImportResponse.builder()
                        .keyId(parameters.key().arn())
                        .importToken(blob(parameters.importToken()))
                        .publicKey(blob(parameters.publicKey()))
                        .parametersValidTo(parameters.validTo())
                        .build();
            });
            case IMPORT_KEY_MATERIAL -> Api.route(ImportKeyMaterialRequest::builder, (caller, r) -> {
                KeyImports.Imported imported = imports.importMaterial(caller, new KeyImports.ImportCommand(
                        r.keyId(),
                        bytes(r.importToken()),
                        bytes(r.encryptedKeyMaterial()),
                        r.validTo(),
                        domainEnum(r.expirationModelAsString(), ExpirationModel.class),
                        domainEnum(r.importTypeAsString(), ImportType.class),
                        r.keyMaterialId(),
                        r.keyMaterialDescription()));
                return ImportKeyMaterialResponse.builder()
                        .keyId(imported.key().arn())
                        .keyMaterialId(imported.materialId())
                        .build();
            });
            case DELETE_IMPORTED_KEY_MATERIAL -> Api.route(DeleteImportedKeyMaterialRequest::builder, (caller, r) -> {
                KeyImports.Imported deleted = imports.delete(caller, r.keyId(), r.keyMaterialId());
                return DeleteImportedKeyMaterialResponse.builder()
                        .keyId(deleted.key().arn())
                        .keyMaterialId(deleted.materialId())
                        .build();
            });
            default -> null;
        };
    }
}
