package dev.trent.store;

import dev.trent.kms.Alias;
import dev.trent.kms.CustomKeyStore;
import dev.trent.kms.Grant;
import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.ImportToken;
import dev.trent.kms.KmsKey;
import dev.trent.kms.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** The default store: everything in memory, gone when Trent stops. */
public final class InMemoryStore implements Store {

    private static final class ScopeData {
        final NavigableMap<String, KmsKey> keys = new ConcurrentSkipListMap<>();
        final NavigableMap<String, Alias> aliases = new ConcurrentSkipListMap<>();
        /** The names of each key's aliases, so that finding them costs no scan of every alias. */
        final Map<String, NavigableSet<String>> aliasNamesByKey = new ConcurrentHashMap<>();
        final Map<String, KeyLastUsage> lastUsage = new ConcurrentHashMap<>();
        /** The grants of each key, by key id, then by grant id. */
        final Map<String, NavigableMap<String, Grant>> grants = new ConcurrentHashMap<>();
        final NavigableMap<String, CustomKeyStore> customKeyStores = new ConcurrentSkipListMap<>();
    }

    private static final NavigableSet<String> EMPTY = new TreeSet<>();

    private final Map<Scope, ScopeData> scopes = new ConcurrentHashMap<>();
    private final Map<String, ImportToken> importTokens = new ConcurrentHashMap<>();

    private ScopeData data(Scope scope) {
        return scopes.computeIfAbsent(scope, s -> new ScopeData());
    }

    @Override
    public Optional<KmsKey> key(Scope scope, String keyId) {
        return Optional.ofNullable(data(scope).keys.get(keyId));
    }

    @Override
    public void putKey(KmsKey key) {
        data(key.scope()).keys.put(key.keyId(), key);
    }

    @Override
    public void deleteKey(Scope scope, String keyId) {
        ScopeData data = data(scope);
        data.keys.remove(keyId);
        data.lastUsage.remove(keyId);
        data.grants.remove(keyId);
    }

    @Override
    public Optional<KeyLastUsage> lastUsage(Scope scope, String keyId) {
        return Optional.ofNullable(data(scope).lastUsage.get(keyId));
    }

    @Override
    public void putLastUsage(Scope scope, String keyId, KeyLastUsage use) {
        ScopeData data = data(scope);
        if (data.keys.containsKey(keyId)) {
            data.lastUsage.put(keyId, use);
        }
    }

    @Override
    public List<KmsKey> keys(Scope scope, String afterKeyId, int limit) {
        return page(data(scope).keys, afterKeyId, limit);
    }

    @Override
    public List<KmsKey> keysDueBy(Instant by) {
        List<KmsKey> due = new ArrayList<>();
        for (ScopeData data : scopes.values()) {
            for (KmsKey key : data.keys.values()) {
                if (key.nextDueDate().filter(date -> !date.isAfter(by)).isPresent()) {
                    due.add(key);
                }
            }
        }
        return due;
    }

    @Override
    public List<Scope> scopes() {
        return scopes.entrySet().stream()
                .filter(e -> !e.getValue().keys.isEmpty() || !e.getValue().aliases.isEmpty()
                        || !e.getValue().customKeyStores.isEmpty())
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(Scope::account).thenComparing(Scope::region))
                .toList();
    }

    @Override
    public void clear(Scope scope) {
        scopes.remove(scope);
        importTokens.values().removeIf(token -> token.scope().equals(scope));
    }

    @Override
    public void clearAll() {
        scopes.clear();
        importTokens.clear();
    }

    @Override
    public Optional<ImportToken> importToken(String tokenId) {
        return Optional.ofNullable(importTokens.get(tokenId));
    }

    @Override
    public void putImportToken(ImportToken token) {
        importTokens.put(token.id(), token);
    }

    @Override
    public void deleteImportTokensExpiredBefore(Instant date) {
        importTokens.values().removeIf(token -> token.validTo().isBefore(date));
    }

    @Override
    public Optional<Alias> alias(Scope scope, String name) {
        return Optional.ofNullable(data(scope).aliases.get(name));
    }

    @Override
    public void putAlias(Alias alias) {
        ScopeData data = data(alias.scope());
        synchronized (data) { // the alias and its index change together
            Alias previous = data.aliases.put(alias.name(), alias);
            if (previous != null) {
                unindex(data, previous);
            }
            data.aliasNamesByKey.computeIfAbsent(alias.targetKeyId(), k -> new ConcurrentSkipListSet<>())
                    .add(alias.name());
        }
    }

    @Override
    public void deleteAlias(Scope scope, String name) {
        ScopeData data = data(scope);
        synchronized (data) {
            Alias removed = data.aliases.remove(name);
            if (removed != null) {
                unindex(data, removed);
            }
        }
    }

    private static void unindex(ScopeData data, Alias alias) {
        data.aliasNamesByKey.computeIfPresent(alias.targetKeyId(), (keyId, names) -> {
            names.remove(alias.name());
            return names.isEmpty() ? null : names;
        });
    }

    @Override
    public List<Alias> aliases(Scope scope, String afterName, int limit) {
        return page(data(scope).aliases, afterName, limit);
    }

    @Override
    public List<Alias> aliasesOf(Scope scope, String keyId) {
        ScopeData data = data(scope);
        List<Alias> result = new ArrayList<>();
        for (String name : data.aliasNamesByKey.getOrDefault(keyId, EMPTY)) {
            Alias alias = data.aliases.get(name);
            if (alias != null && keyId.equals(alias.targetKeyId())) { // read beside a change: never a wrong one
                result.add(alias);
            }
        }
        return result;
    }

    @Override
    public Optional<CustomKeyStore> customKeyStore(Scope scope, String id) {
        return Optional.ofNullable(data(scope).customKeyStores.get(id));
    }

    @Override
    public void putCustomKeyStore(CustomKeyStore keyStore) {
        data(keyStore.scope()).customKeyStores.put(keyStore.id(), keyStore);
    }

    @Override
    public void deleteCustomKeyStore(Scope scope, String id) {
        data(scope).customKeyStores.remove(id);
    }

    @Override
    public List<CustomKeyStore> customKeyStores(Scope scope, String afterId, int limit) {
        return page(data(scope).customKeyStores, afterId, limit);
    }

    private static <T> List<T> page(NavigableMap<String, T> map, String after, int limit) {
        NavigableMap<String, T> tail = after == null ? map : map.tailMap(after, false);
        List<T> result = new ArrayList<>(Math.min(limit, 64));
        for (T value : tail.values()) {
            if (result.size() == limit) {
                break;
            }
            result.add(value);
        }
        return result;
    }

    @Override
    public Optional<Grant> grant(Scope scope, String keyId, String grantId) {
        NavigableMap<String, Grant> grants = data(scope).grants.get(keyId);
        return Optional.ofNullable(grants == null ? null : grants.get(grantId));
    }

    @Override
    public void putGrant(Grant grant) {
        ScopeData data = data(grant.scope());
        if (data.keys.containsKey(grant.keyId())) {
            data.grants.computeIfAbsent(grant.keyId(), k -> new ConcurrentSkipListMap<>()).put(grant.grantId(), grant);
        }
    }

    @Override
    public void deleteGrant(Scope scope, String keyId, String grantId) {
        NavigableMap<String, Grant> grants = data(scope).grants.get(keyId);
        if (grants != null) {
            grants.remove(grantId);
        }
    }

    @Override
    public List<Grant> grantsOf(Scope scope, String keyId) {
        NavigableMap<String, Grant> grants = data(scope).grants.get(keyId);
        return grants == null ? List.of() : List.copyOf(grants.values());
    }

    @Override
    public int grantCount(Scope scope, String keyId) {
        NavigableMap<String, Grant> grants = data(scope).grants.get(keyId);
        return grants == null ? 0 : grants.size();
    }

    @Override
    public List<Grant> grantsRetirableBy(String region, String retiringPrincipal, String retiringServicePrincipal) {
        NavigableMap<String, Grant> found = new TreeMap<>();
        scopes.forEach((scope, data) -> {
            if (scope.region().equals(region)) {
                data.grants.values().forEach(grants -> grants.values().stream()
                        .filter(g -> retiringPrincipal != null ? retiringPrincipal.equals(g.retiringPrincipal())
                                : Objects.equals(retiringServicePrincipal, g.retiringServicePrincipal()))
                        .forEach(g -> found.put(g.grantId(), g)));
            }
        });
        return List.copyOf(found.values());
    }
}
