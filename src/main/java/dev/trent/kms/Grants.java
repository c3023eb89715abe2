package dev.trent.kms;

import dev.trent.crypto.Randomness;
import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Grants on keys: CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant, and the
 * grant tokens other operations take. Grants are stored and listed here; whether a grant allows a
 * request is decided by {@link KeyAccess} and {@link GrantAuthority}.
 */
public final class Grants {
    /** AWS's quota "Grants per KMS key". */
    static final int GRANTS_PER_KEY = 50_000;
    /** ListGrants and ListRetirableGrants: AWS's default page and the most it returns in one. */
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 100;

    private final Store store;
    private final ScopeLocks locks;
    private final KeyResolver resolver;
    private final Clock clock;
    private final Randomness random;

    private final KeyAccess access;

    Grants(Store store, ScopeLocks locks, KeyResolver resolver, Clock clock, Randomness random, KeyAccess access) {
        this.access = access;
        this.store = store;
        this.locks = locks;
        this.resolver = resolver;
        this.clock = clock;
        this.random = random;
    }

    /** CreateGrant's answer: the grant's id, and a token new to this request. */
    public record Created(String grantId, String grantToken) {
    }

    public Created create(Requester requester, CreateGrantCommand command) {
        Scope caller = requester.scope();
        GrantRules.checkRequest(command);
        KmsKey named = resolver.find(caller, command.keyId(), Accepts.KEY_ID_OR_ARN);
        access.checkCreateGrant(requester, named, command);
        return locks.write(named.scope(), () -> {
            KmsKey key = resolver.key(named.scope(), named.keyId());
            KeyStateRule.CREATE_GRANT.check(key);
            GrantRules.checkFor(key, command);
            Optional<Grant> same = command.name() == null ? Optional.empty()
                    : store.grantsOf(key.scope(), key.keyId()).stream()
                            .filter(g -> sameGrant(g, caller, command))
                            .findFirst();
            if (same.isEmpty() && store.grantCount(key.scope(), key.keyId()) >= GRANTS_PER_KEY) {
                throw new KmsException(ErrorCode.LIMIT_EXCEEDED, "The grants per KMS key quota (" + GRANTS_PER_KEY
                        + ") has been reached for " + key.arn() + ".");
            }
            DryRun.stopIf(command.dryRun());
            Grant grant = same.orElseGet(() -> new Grant(key.scope(), key.keyId(), random.hex(32), command.name(),
                    clock.instant(), command.granteePrincipal(), command.granteeServicePrincipal(),
                    command.retiringPrincipal(), command.retiringServicePrincipal(), caller.rootPrincipal(),
                    command.operations(), command.constraints()));
            if (same.isEmpty()) {
                store.putGrant(grant);
            }
            return new Created(grant.grantId(), GrantToken.of(grant, GrantToken.newNonce(random)));
        });
    }

    public Page<Grant> list(Requester requester, String keyId, String grantId, String granteePrincipal,
            String granteeServicePrincipal, Integer limit, String marker) {
        if (granteePrincipal != null && granteeServicePrincipal != null) {
            throw KmsException.validation(GrantRules.GRANTEE_EITHER);
        }
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListGrants");
        if (grantId != null) {
            checkGrantId(grantId);
        }
        List<Grant> grants = store.grantsOf(key.scope(), key.keyId()).stream()
                .filter(g -> grantId == null || grantId.equals(g.grantId()))
                .filter(g -> granteePrincipal == null || granteePrincipal.equals(g.granteePrincipal()))
                .filter(g -> granteeServicePrincipal == null
                        || granteeServicePrincipal.equals(g.granteeServicePrincipal()))
                .toList();
        return Paging.page("grants", marker, pageSize(limit), DEFAULT_LIMIT, grants, Grant::grantId);
    }

    public Page<Grant> listRetirable(Requester requester, String retiringPrincipal, String retiringServicePrincipal,
            Integer limit, String marker) {
        access.checkWithoutKey(requester, "kms:ListRetirableGrants");
        Scope caller = requester.scope();
        if ((retiringPrincipal == null) == (retiringServicePrincipal == null)) {
            throw KmsException.validation(GrantRules.RETIRING_EITHER);
        }
        Principals.check(retiringPrincipal);
        access.checkRetiringPrincipalAccount(requester, retiringPrincipal);
        List<Grant> grants = store.grantsRetirableBy(caller.region(), retiringPrincipal, retiringServicePrincipal);
        return Paging.page("retirable-grants", marker, pageSize(limit), DEFAULT_LIMIT, grants, Grant::grantId);
    }

    /** RetireGrant: the grant a token names, or the grant with this id on the key. */
    public void retire(Requester requester, String grantToken, String keyId, String grantId, boolean dryRun) {
        Scope caller = requester.scope();
        Grant grant;
        if (grantToken != null) {
            GrantToken.Named named = GrantToken.parse(grantToken)
                    .filter(n -> n.keyArn().region().equals(caller.region())
                            && n.keyArn().partition().equals(caller.partition()))
                    .orElseThrow(Grants::invalidToken);
            if (grantId != null && !grantId.equals(named.grantId())) {
                throw KmsException.validation("The grant token and the GrantId identify different grants.");
            }
            if (keyId != null) {
                KmsKey key = resolver.find(caller, keyId, Accepts.KEY_ID_OR_ARN);
                if (!key.arn().equals(named.keyArn().toString())) {
                    throw KmsException.validation("The grant token and the KeyId identify different keys.");
                }
            }
            Scope owner = named.keyArn().scope();
            KmsKey key = resolver.key(owner, named.keyArn().name());
            grant = existing(key, named.grantId());
        } else {
            if (keyId == null || grantId == null) {
                throw KmsException.validation("Grant token OR (grant ID, key ID) must be specified");
            }
            KmsKey key = resolver.find(caller, keyId, Accepts.KEY_ID_OR_ARN);
            checkGrantId(grantId);
            grant = existing(key, grantId);
        }
        access.checkRetire(requester, resolver.key(grant.scope(), grant.keyId()), grant);
        DryRun.stopIf(dryRun);
        delete(grant);
    }

    public void revoke(Requester requester, String keyId, String grantId, boolean dryRun) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:RevokeGrant");
        checkGrantId(grantId);
        Grant grant = existing(key, grantId);
        DryRun.stopIf(dryRun);
        delete(grant);
    }

    /**
     * The GrantTokens parameter of any operation: each must be a grant token, though it need not
     * name a grant that still exists. The one place tokens in requests are checked.
     */
    public void checkTokens(List<String> grantTokens) {
        for (String token : grantTokens) {
            if (GrantToken.parse(token).isEmpty()) {
                throw invalidToken();
            }
        }
    }

    /** Name makes CreateGrant idempotent: a retry with the same name and parameters gets the same grant. */
    private static boolean sameGrant(Grant grant, Scope caller, CreateGrantCommand command) {
        return Objects.equals(grant.name(), command.name())
                && grant.issuingAccount().equals(caller.rootPrincipal())
                && Objects.equals(grant.granteePrincipal(), command.granteePrincipal())
                && Objects.equals(grant.granteeServicePrincipal(), command.granteeServicePrincipal())
                && Objects.equals(grant.retiringPrincipal(), command.retiringPrincipal())
                && Objects.equals(grant.retiringServicePrincipal(), command.retiringServicePrincipal())
                && new HashSet<>(grant.operations()).equals(new HashSet<>(command.operations()))
                && grant.constraints().equals(command.constraints());
    }

    private static void checkGrantId(String grantId) {
        if (!Grant.isGrantId(grantId)) {
            throw new KmsException(ErrorCode.INVALID_GRANT_ID, "Invalid grantId '" + grantId + "'");
        }
    }

    private Grant existing(KmsKey key, String grantId) {
        return store.grant(key.scope(), key.keyId(), grantId)
                .orElseThrow(() -> KmsException.notFound("Grant '" + grantId + "' does not exist"));
    }

    private void delete(Grant grant) {
        locks.write(grant.scope(), () -> store.deleteGrant(grant.scope(), grant.keyId(), grant.grantId()));
    }

    private static int pageSize(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    private static KmsException invalidToken() {
        return new KmsException(ErrorCode.INVALID_GRANT_TOKEN, "Invalid grant token");
    }
}
