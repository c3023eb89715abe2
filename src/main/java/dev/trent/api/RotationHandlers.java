package dev.trent.api;

import static dev.trent.api.Shapes.domainEnum;

import dev.trent.kms.IncludeKeyMaterial;
import dev.trent.kms.KeyMaterial;
import dev.trent.kms.KeyMaterials;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyRotations;
import dev.trent.kms.Kms;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Origin;
import dev.trent.kms.Page;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/** EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations. */
final class RotationHandlers implements HandlerGroup {
    private final KeyRotations rotations;

    RotationHandlers(Kms kms) {
        this.rotations = kms.rotations();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case ENABLE_KEY_ROTATION -> Api.route(EnableKeyRotationRequest::builder, (caller, r) -> {
                rotations.enable(caller, r.keyId(), r.rotationPeriodInDays());
                return EnableKeyRotationResponse.builder().build();
            });
            case DISABLE_KEY_ROTATION -> Api.route(DisableKeyRotationRequest::builder, (caller, r) -> {
                rotations.disable(caller, r.keyId());
                return DisableKeyRotationResponse.builder().build();
            });
            case GET_KEY_ROTATION_STATUS -> Api.route(GetKeyRotationStatusRequest::builder, (caller, r) -> {
                return statusResponse(rotations.status(caller, r.keyId()));
            });
            // AWS's examples name the key by its key id here, not its ARN
            case ROTATE_KEY_ON_DEMAND -> Api.route(RotateKeyOnDemandRequest::builder, (caller, r) ->
                    RotateKeyOnDemandResponse.builder()
                            .keyId(rotations.rotateOnDemand(caller, r.keyId()).keyId())
                            .build());
            case LIST_KEY_ROTATIONS -> Api.route(ListKeyRotationsRequest::builder, (caller, r) -> {
                Page<KeyRotations.Entry> page = rotations.list(caller, r.keyId(),
                        domainEnum(r.includeKeyMaterialAsString(), IncludeKeyMaterial.class), r.limit(), r.marker());
                return ListKeyRotationsResponse.builder()
                        .rotations(page.items().stream().map(RotationHandlers::entry).toList())
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            default -> null;
        };
    }

    static GetKeyRotationStatusResponse statusResponse(KeyRotations.Status status) {
        // the key id, not the ARN, as in AWS's examples of this operation and RotateKeyOnDemand
        return GetKeyRotationStatusResponse.builder()
                .keyId(status.key().keyId())
                .keyRotationEnabled(status.enabled())
                .rotationPeriodInDays(status.periodInDays())
                .nextRotationDate(status.nextRotationDate())
                .onDemandRotationStartDate(status.onDemandStartDate())
                .build();
    }

    static RotationsListEntry entry(KeyRotations.Entry entry) {
        KmsKey key = entry.key();
        KeyMaterial material = entry.material();
        RotationsListEntry.Builder b = RotationsListEntry.builder()
                .keyId(key.keyId())
                .keyMaterialId(material.id())
                .keyMaterialState(entry.state().name());
        if (material.rotation() != null) {
            b.rotationDate(material.rotation().date()).rotationType(material.rotation().type().name());
        }
        // the import's details only for symmetric keys of origin EXTERNAL, as AWS gives them
        if (key.origin() == Origin.EXTERNAL && key.spec() == KeySpec.SYMMETRIC_DEFAULT && material.imported() != null) {
            b.keyMaterialDescription(material.imported().description())
                    .importState(KeyMaterials.importState(material).name())
                    .expirationModel(material.imported().expirationModel().name())
                    .validTo(material.imported().validTo());
        }
        return b.build();
    }
}
