package dev.trent.api;

import dev.trent.kms.Scope;
import java.util.List;

/**
 * What a {@link CallInterceptor} knows of a request.
 *
 * @param keyIds the keys the request names, as it names them (key id, key ARN, alias name or alias
 *     ARN), its {@code KeyId} first
 */
public record CallFacts(Operation operation, Scope scope, String principal, List<String> keyIds) {
    public CallFacts {
        keyIds = List.copyOf(keyIds);
    }
}
