package dev.trent.api;

import dev.trent.kms.Alias;
import dev.trent.kms.Aliases;
import dev.trent.kms.Kms;
import dev.trent.kms.Page;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasResponse;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases. */
final class AliasHandlers implements HandlerGroup {
    private final Aliases aliases;

    AliasHandlers(Kms kms) {
        this.aliases = kms.aliases();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case CREATE_ALIAS -> Api.route(CreateAliasRequest::builder, (caller, r) -> {
                aliases.create(caller, r.aliasName(), r.targetKeyId());
                return CreateAliasResponse.builder().build();
            });
            case UPDATE_ALIAS -> Api.route(UpdateAliasRequest::builder, (caller, r) -> {
                aliases.update(caller, r.aliasName(), r.targetKeyId());
                return UpdateAliasResponse.builder().build();
            });
            case DELETE_ALIAS -> Api.route(DeleteAliasRequest::builder, (caller, r) -> {
                aliases.delete(caller, r.aliasName());
                return DeleteAliasResponse.builder().build();
            });
            case LIST_ALIASES -> Api.route(ListAliasesRequest::builder, (caller, r) -> {
                Page<Alias> page = aliases.list(caller, r.keyId(), r.limit(), r.marker());
                return ListAliasesResponse.builder()
                        .aliases(page.items().stream().map(Shapes::aliasEntry).toList())
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            default -> null;
        };
    }
}
