package dev.trent.kms;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A grant on a key, as stored: immutable.
 *
 * @param scope the account and Region of the key
 * @param name the name given at creation; null for none
 * @param granteePrincipal null when the grantee is a service principal
 * @param granteeServicePrincipal null when the grantee is an AWS principal
 * @param retiringPrincipal null for none
 * @param retiringServicePrincipal null for none
 * @param issuingAccount the root principal of the account that created the grant, as AWS lists it
 * @param operations in the order the request gave them
 */
public record Grant(
        Scope scope,
        String keyId,
        String grantId,
        String name,
        Instant creationDate,
        String granteePrincipal,
        String granteeServicePrincipal,
        String retiringPrincipal,
        String retiringServicePrincipal,
        String issuingAccount,
        List<GrantOperation> operations,
        GrantConstraints constraints) {

    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");

    public Grant {
        operations = List.copyOf(operations);
    }

    public String keyArn() {
        return scope.keyArn(keyId);
    }

    /** AWS's grant ids: 64 lowercase hex digits. */
    static boolean isGrantId(String text) {
        return GRANT_ID.matcher(text).matches();
    }
}
