package dev.trent.api;

import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.KeyState;
import dev.trent.kms.Kms;
import dev.trent.kms.Requester;
import dev.trent.kms.KmsKey;
import dev.trent.kms.MultiRegionKeys;
import dev.trent.kms.Tag;
import software.amazon.awssdk.services.kms.model.ReplicateKeyRequest;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionRequest;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionResponse;

/** ReplicateKey, UpdatePrimaryRegion. */
final class MultiRegionHandlers implements HandlerGroup {
    private final MultiRegionKeys multiRegion;

    MultiRegionHandlers(Kms kms) {
        this.multiRegion = kms.multiRegionKeys();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case REPLICATE_KEY -> Api.route(ReplicateKeyRequest::builder, this::replicateKey);
            case UPDATE_PRIMARY_REGION -> Api.route(UpdatePrimaryRegionRequest::builder, (caller, r) -> {
                multiRegion.updatePrimaryRegion(caller, r.keyId(), r.primaryRegion());
                return UpdatePrimaryRegionResponse.builder().build();
            });
            default -> null;
        };
    }

    private ReplicateKeyResponse replicateKey(Requester caller, ReplicateKeyRequest r) {
        KmsKey replica = multiRegion.replicate(caller, r.keyId(), r.replicaRegion(), r.policy(),
                r.description(), r.tags().stream().map(t -> new Tag(t.tagKey(), t.tagValue())).toList(),
                isTrue(r.bypassPolicyLockoutSafetyCheck())).replica();
        // AWS answers while the replica is still being made: its transient state is Creating, and
        // it becomes Enabled (or PendingImport) moments later; in Trent it already is.
        KmsKey asAnswered = replica.toBuilder().state(KeyState.CREATING).build();
        ReplicateKeyResponse.Builder response = ReplicateKeyResponse.builder()
                .replicaKeyMetadata(Shapes.keyMetadata(asAnswered))
                .replicaPolicy(replica.policy());
        if (!replica.tags().isEmpty()) { // AWS leaves ReplicaTags out when the replica has none
            response.replicaTags(replica.tags().stream()
                    .map(t -> software.amazon.awssdk.services.kms.model.Tag.builder()
                            .tagKey(t.key()).tagValue(t.value()).build())
                    .toList());
        }
        return response.build();
    }
}
