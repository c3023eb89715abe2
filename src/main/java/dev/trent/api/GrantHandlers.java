package dev.trent.api;

import static dev.trent.api.Shapes.domainEnum;
import static dev.trent.api.Shapes.isTrue;

import dev.trent.kms.CreateGrantCommand;
import dev.trent.kms.Grant;
import dev.trent.kms.GrantConstraints;
import dev.trent.kms.GrantOperation;
import dev.trent.kms.Grants;
import dev.trent.kms.Kms;
import dev.trent.kms.Requester;
import dev.trent.kms.Page;
import java.util.List;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsResponse;
import software.amazon.awssdk.services.kms.model.RetireGrantRequest;
import software.amazon.awssdk.services.kms.model.RetireGrantResponse;
import software.amazon.awssdk.services.kms.model.RevokeGrantRequest;
import software.amazon.awssdk.services.kms.model.RevokeGrantResponse;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant. */
final class GrantHandlers implements HandlerGroup {
    private final Grants grants;

    GrantHandlers(Kms kms) {
        this.grants = kms.grants();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case CREATE_GRANT -> Api.route(CreateGrantRequest::builder, this::createGrant);
            case LIST_GRANTS -> Api.route(ListGrantsRequest::builder, (caller, r) -> {
                Page<Grant> page = grants.list(caller, r.keyId(), r.grantId(), r.granteePrincipal(),
                        r.granteeServicePrincipal(), r.limit(), r.marker());
                return ListGrantsResponse.builder()
                        .grants(entries(page))
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            case LIST_RETIRABLE_GRANTS -> Api.route(ListRetirableGrantsRequest::builder, (caller, r) -> {
                Page<Grant> page = grants.listRetirable(caller, r.retiringPrincipal(),
                        r.retiringServicePrincipal(), r.limit(), r.marker());
                return ListRetirableGrantsResponse.builder()
                        .grants(entries(page))
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            case RETIRE_GRANT -> Api.route(RetireGrantRequest::builder, (caller, r) -> {
                grants.retire(caller, r.grantToken(), r.keyId(), r.grantId(), isTrue(r.dryRun()));
                return RetireGrantResponse.builder().build();
            });
            case REVOKE_GRANT -> Api.route(RevokeGrantRequest::builder, (caller, r) -> {
                grants.revoke(caller, r.keyId(), r.grantId(), isTrue(r.dryRun()));
                return RevokeGrantResponse.builder().build();
            });
            default -> null;
        };
    }

    private CreateGrantResponse createGrant(Requester caller, CreateGrantRequest r) {
        List<GrantOperation> operations = r.operationsAsStrings().stream()
                .map(op -> domainEnum(op, GrantOperation.class))
                .toList();
        software.amazon.awssdk.services.kms.model.GrantConstraints c = r.constraints();
        GrantConstraints constraints = c == null ? GrantConstraints.NONE
                : new GrantConstraints(c.hasEncryptionContextSubset() ? c.encryptionContextSubset() : null,
                        c.hasEncryptionContextEquals() ? c.encryptionContextEquals() : null, c.sourceArn());
        Grants.Created created = grants.create(caller, new CreateGrantCommand(r.keyId(),
                r.granteePrincipal(), r.granteeServicePrincipal(), r.retiringPrincipal(),
                r.retiringServicePrincipal(), operations, constraints, r.name(), isTrue(r.dryRun())));
        return CreateGrantResponse.builder().grantId(created.grantId()).grantToken(created.grantToken()).build();
    }

    private static List<GrantListEntry> entries(Page<Grant> page) {
        return page.items().stream().map(GrantHandlers::entry).toList();
    }

    /** A grant as ListGrants and ListRetirableGrants show it; AWS lists a grant without a name with an empty one. */
    static GrantListEntry entry(Grant grant) {
        GrantConstraints c = grant.constraints();
        return GrantListEntry.builder()
                .keyId(grant.keyArn())
                .grantId(grant.grantId())
                .name(grant.name() == null ? "" : grant.name())
                .creationDate(grant.creationDate())
                .granteePrincipal(grant.granteePrincipal())
                .granteeServicePrincipal(grant.granteeServicePrincipal())
                .retiringPrincipal(grant.retiringPrincipal())
                .retiringServicePrincipal(grant.retiringServicePrincipal())
                .issuingAccount(grant.issuingAccount())
                .operationsWithStrings(grant.operations().stream().map(Enum::name).toList())
                .constraints(c.isEmpty() ? null : software.amazon.awssdk.services.kms.model.GrantConstraints.builder()
                        .encryptionContextSubset(c.encryptionContextSubset())
                        .encryptionContextEquals(c.encryptionContextEquals())
                        .sourceArn(c.sourceArn())
                        .build())
                .build();
    }
}
