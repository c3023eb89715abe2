package dev.trent.kms;

import java.util.List;

/** The parameters of CreateGrant; absent ones are null. */
public record CreateGrantCommand(
        String keyId,
        String granteePrincipal,
        String granteeServicePrincipal,
        String retiringPrincipal,
        String retiringServicePrincipal,
        List<GrantOperation> operations,
        GrantConstraints constraints,
        String name,
        boolean dryRun) {

    public CreateGrantCommand {
        operations = List.copyOf(operations);
        constraints = constraints == null ? GrantConstraints.NONE : constraints;
    }
}
