package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import dev.trent.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Aliases: CreateAlias, UpdateAlias, DeleteAlias, ListAliases. */
public final class Aliases {
    private static final Pattern NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]+");

    private final Store store;
    private final ScopeLocks locks;
    private final KeyResolver resolver;
    private final Clock clock;

    private final KeyAccess access;

    Aliases(Store store, ScopeLocks locks, KeyResolver resolver, Clock clock, KeyAccess access) {
        this.access = access;
        this.store = store;
        this.locks = locks;
        this.resolver = resolver;
        this.clock = clock;
    }

    public void create(Requester requester, String aliasName, String targetKeyId) {
        Scope scope = requester.scope();
        checkName(aliasName);
        access.checkAlias(requester, "kms:CreateAlias", scope, aliasName);
        KmsKey named = target(requester, targetKeyId, "kms:CreateAlias");
        locks.write(scope, () -> {
            KmsKey key = resolver.key(scope, named.keyId());
            KeyStateRule.NOT_PENDING_DELETION.check(key);
            if (store.alias(scope, aliasName).isPresent()) {
                throw new KmsException(ErrorCode.ALREADY_EXISTS,
                        "An alias with the name " + scope.aliasArn(aliasName) + " already exists");
            }
            store.putAlias(new Alias(scope, aliasName, key.keyId(), clock.instant(), clock.instant()));
        });
    }

    public void update(Requester requester, String aliasName, String targetKeyId) {
        Scope scope = requester.scope();
        checkName(aliasName);
        access.checkAlias(requester, "kms:UpdateAlias", scope, aliasName);
        KmsKey named = target(requester, targetKeyId, "kms:UpdateAlias");
        locks.write(scope, () -> {
            Alias alias = store.alias(scope, aliasName)
                    .orElseThrow(() -> KeyResolver.aliasNotFound(scope.aliasArn(aliasName)));
            KmsKey key = resolver.key(scope, named.keyId());
            KeyStateRule.NOT_PENDING_DELETION.check(key);
            store.key(scope, alias.targetKeyId()).ifPresent(current -> {
                access.check(requester, current, "kms:UpdateAlias"); // the key it leaves, too
                if (current.spec() != key.spec() || current.usage() != key.usage()) {
                    throw KmsException.validation("Alias " + alias.arn() + " cannot be changed from a key of type "
                            + current.spec() + " / " + current.usage() + " to a key of type " + key.spec() + " / "
                            + key.usage() + ".");
                }
            });
            store.putAlias(alias.retarget(key.keyId(), clock.instant()));
        });
    }

    public void delete(Requester requester, String aliasName) {
        Scope scope = requester.scope();
        checkName(aliasName);
        access.checkAlias(requester, "kms:DeleteAlias", scope, aliasName);
        locks.write(scope, () -> {
            Alias alias = store.alias(scope, aliasName)
                    .orElseThrow(() -> KeyResolver.aliasNotFound(scope.aliasArn(aliasName)));
            store.key(scope, alias.targetKeyId()).ifPresent(key -> access.check(requester, key, "kms:DeleteAlias"));
            store.deleteAlias(scope, aliasName);
        });
    }

    /** The aliases of one key, or of the whole scope with AWS's predefined aliases that have no key yet. */
    public Page<Alias> list(Requester requester, String keyId, Integer limit, String marker) {
        Scope scope = requester.scope();
        access.checkWithoutKey(requester, "kms:ListAliases");
        if (keyId != null) {
            KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListAliases");
            return Paging.page("aliases", marker, limit, 50, store.aliasesOf(scope, key.keyId()), Alias::name);
        }
        return Paging.page("aliases", marker, limit, 50, (after, count) -> withPredefined(scope, after, count),
                Alias::name);
    }

    private List<Alias> withPredefined(Scope scope, String after, int count) {
        List<Alias> stored = store.aliases(scope, after, count);
        List<Alias> merged = new ArrayList<>(stored);
        String last = stored.size() == count ? stored.get(count - 1).name() : null;
        for (String name : AwsManagedKeys.PREDEFINED) {
            boolean inPage = (after == null || name.compareTo(after) > 0) && (last == null || name.compareTo(last) < 0);
            if (inPage && stored.stream().noneMatch(a -> a.name().equals(name))) {
                merged.add(new Alias(scope, name, null, null, null));
            }
        }
        merged.sort((a, b) -> a.name().compareTo(b.name()));
        return merged.size() > count ? merged.subList(0, count) : merged;
    }

    private KmsKey target(Requester requester, String targetKeyId, String action) {
        return resolver.resolve(requester, targetKeyId, Accepts.KEY_ID_OR_ARN, action);
    }

    private static void checkName(String aliasName) {
        if (!NAME.matcher(aliasName).matches()) {
            throw KmsException.validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (AwsManagedKeys.isAwsAlias(aliasName)) {
            throw new KmsException(ErrorCode.NOT_AUTHORIZED, null);
        }
    }
}
