package dev.trent.kms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value derived from a scope, kept for the scopes in use so that it is built once, not per key or
 * per request. Scopes in use are few; the bound keeps requests naming endless accounts from growing
 * it (beyond it, values are derived each time).
 */
final class PerScope<V> {
    private static final int MAX_SCOPES = 10_000;

    private final Map<Scope, V> values = new ConcurrentHashMap<>();
    private final Function<Scope, V> derive;

    PerScope(Function<Scope, V> derive) {
        this.derive = derive;
    }

    V get(Scope scope) {
        V value = values.get(scope);
        if (value != null) {
            return value;
        }
        value = derive.apply(scope);
        if (values.size() < MAX_SCOPES) {
            V first = values.putIfAbsent(scope, value);
            if (first != null) {
                return first;
            }
        }
        return value;
    }
}
