package dev.trent.api;

import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.CreateKeyCommand;
import dev.trent.kms.KeySpec;
import dev.trent.kms.KeyUsage;
import dev.trent.kms.Keys;
import dev.trent.kms.Kms;
import dev.trent.kms.Requester;
import dev.trent.kms.KmsException;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Origin;
import dev.trent.kms.Page;
import dev.trent.kms.Tag;
import java.util.List;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionResponse;

/** CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, key deletion and description. */
final class KeyHandlers implements HandlerGroup {
    private final Keys keys;

    KeyHandlers(Kms kms) {
        this.keys = kms.keys();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case CREATE_KEY -> Api.route(CreateKeyRequest::builder, this::createKey);
            case DESCRIBE_KEY -> Api.route(DescribeKeyRequest::builder, (caller, r) -> DescribeKeyResponse.builder()
                    .keyMetadata(Shapes.keyMetadata(keys.describe(caller, r.keyId()))).build());
            case LIST_KEYS -> Api.route(ListKeysRequest::builder, this::listKeys);
            case ENABLE_KEY -> Api.route(EnableKeyRequest::builder, (caller, r) -> {
                keys.enable(caller, r.keyId());
                return EnableKeyResponse.builder().build();
            });
            case DISABLE_KEY -> Api.route(DisableKeyRequest::builder, (caller, r) -> {
                keys.disable(caller, r.keyId());
                return DisableKeyResponse.builder().build();
            });
            case UPDATE_KEY_DESCRIPTION -> Api.route(UpdateKeyDescriptionRequest::builder, (caller, r) -> {
                keys.updateDescription(caller, r.keyId(), r.description());
                return UpdateKeyDescriptionResponse.builder().build();
            });
            case SCHEDULE_KEY_DELETION -> Api.route(ScheduleKeyDeletionRequest::builder, (caller, r) -> {
                KmsKey key = keys.scheduleDeletion(caller, r.keyId(), r.pendingWindowInDays());
                return ScheduleKeyDeletionResponse.builder()
                        .keyId(key.arn())
                        .deletionDate(key.deletionDate())
                        .keyState(key.state().awsName())
                        .pendingWindowInDays(key.pendingWindowInDays())
                        .build();
            });
            case CANCEL_KEY_DELETION -> Api.route(CancelKeyDeletionRequest::builder, (caller, r) ->
                    CancelKeyDeletionResponse.builder().keyId(keys.cancelDeletion(caller, r.keyId()).arn()).build());
            default -> null;
        };
    }

    private CreateKeyResponse createKey(Requester caller, CreateKeyRequest r) {
        String keySpec = r.keySpecAsString();
        String legacySpec = r.customerMasterKeySpecAsString();
        if (keySpec != null && legacySpec != null) {
            throw KmsException.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec parameter is deprecated. Use KeySpec parameter instead.");
        }
        KeySpec spec = domainEnum(keySpec != null ? keySpec : legacySpec, KeySpec.class);
        KeyUsage usage = domainEnum(r.keyUsageAsString(), KeyUsage.class);
        Origin origin = domainEnum(r.originAsString(), Origin.class);
        List<Tag> tags = r.tags().stream().map(t -> new Tag(t.tagKey(), t.tagValue())).toList();
        KmsKey key = keys.create(caller, new CreateKeyCommand(
                r.description() == null ? "" : r.description(),
                spec == null ? KeySpec.SYMMETRIC_DEFAULT : spec,
                usage,
                origin == null ? Origin.AWS_KMS : origin,
                isTrue(r.multiRegion()),
                r.policy(),
                tags,
                r.customKeyStoreId(),
                r.xksKeyId(),
                isTrue(r.bypassPolicyLockoutSafetyCheck())));
        return CreateKeyResponse.builder().keyMetadata(Shapes.keyMetadata(key)).build();
    }

    private ListKeysResponse listKeys(Requester caller, ListKeysRequest r) {
        Page<KmsKey> page = keys.list(caller, r.limit(), r.marker());
        return ListKeysResponse.builder()
                .keys(page.items().stream()
                        .map(k -> KeyListEntry.builder().keyId(k.keyId()).keyArn(k.arn()).build())
                        .toList())
                .nextMarker(page.nextMarker())
                .truncated(page.truncated())
                .build();
    }
}
