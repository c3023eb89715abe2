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
final class AliasHandlers {
    private final Aliases aliases;
    private final Api.Routes routes;

    AliasHandlers(Kms kms, Api.Routes routes) {
        this.aliases = kms.aliases();
        this.routes = routes;
    }

    void register() {
        routes.add(Operation.CREATE_ALIAS, CreateAliasRequest::builder, (caller, r) -> {
            aliases.create(caller, r.aliasName(), r.targetKeyId());
            return CreateAliasResponse.builder().build();
        });
        routes.add(Operation.UPDATE_ALIAS, UpdateAliasRequest::builder, (caller, r) -> {
            aliases.update(caller, r.aliasName(), r.targetKeyId());
            return UpdateAliasResponse.builder().build();
        });
        routes.add(Operation.DELETE_ALIAS, DeleteAliasRequest::builder, (caller, r) -> {
            aliases.delete(caller, r.aliasName());
            return DeleteAliasResponse.builder().build();
        });
        routes.add(Operation.LIST_ALIASES, ListAliasesRequest::builder, (caller, r) -> {
            Page<Alias> page = aliases.list(caller, r.keyId(), r.limit(), r.marker());
            return ListAliasesResponse.builder()
                    .aliases(page.items().stream().map(Shapes::aliasEntry).toList())
                    .nextMarker(page.nextMarker())
                    .truncated(page.truncated())
                    .build();
        });
    }
}
