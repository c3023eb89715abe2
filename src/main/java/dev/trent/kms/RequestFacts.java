package dev.trent.kms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request says that policies may test, as condition keys ({@code kms:EncryptionAlgorithm},
 * {@code aws:RequestTag/Team}, {@code kms:EncryptionContext:Purpose}, ...) and the encryption context
 * grant constraints compare. Most values hold for the whole request; ReEncrypt is authorized twice,
 * as kms:ReEncryptFrom with its source values and as kms:ReEncryptTo with its destination values, so
 * values may belong to one action only. The key's own values (its spec, tags, aliases) are added
 * where the key is known.
 */
public final class RequestFacts {
    public static final RequestFacts NONE = new Builder().build();

    private final Map<String, List<String>> common;
    private final Map<String, Map<String, List<String>>> byAction;
    private final Map<String, Map<String, String>> contexts;

    private RequestFacts(Builder builder) {
        this.common = Map.copyOf(builder.common);
        Map<String, Map<String, List<String>>> actions = new HashMap<>();
        builder.byAction.forEach((action, values) -> actions.put(action, Map.copyOf(values)));
        this.byAction = Map.copyOf(actions);
        this.contexts = Map.copyOf(builder.contexts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The condition keys of the request as authorized for {@code action}. */
    public Map<String, List<String>> conditions(String action) {
        Map<String, List<String>> own = byAction.get(action);
        if (own == null) {
            return common;
        }
        Map<String, List<String>> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }

    /** The encryption context the request gives for {@code action} (empty when none). */
    public Map<String, String> encryptionContext(String action) {
        Map<String, String> own = contexts.get(action);
        return own != null ? own : contexts.getOrDefault("*", Map.of());
    }

    /** These facts and one more that holds for the whole request, for what only the domain can tell. */
    public RequestFacts with(String conditionKey, List<String> values) {
        Builder builder = new Builder();
        builder.common.putAll(common);
        byAction.forEach((action, own) -> builder.byAction.put(action, new HashMap<>(own)));
        builder.contexts.putAll(contexts);
        return builder.put(conditionKey, values).build();
    }

    public static final class Builder {
        private final Map<String, List<String>> common = new HashMap<>();
        private final Map<String, Map<String, List<String>>> byAction = new HashMap<>();
        private final Map<String, Map<String, String>> contexts = new HashMap<>();

        private Builder() {
        }

        public Builder put(String conditionKey, List<String> values) {
            common.put(conditionKey, List.copyOf(values));
            return this;
        }

        /** A value that holds only when the request is authorized as {@code action}. */
        public Builder put(String action, String conditionKey, List<String> values) {
            byAction.computeIfAbsent(action, a -> new HashMap<>()).put(conditionKey, List.copyOf(values));
            return this;
        }

        /** The request's encryption context; {@code action} null when it holds for the whole request. */
        public Builder encryptionContext(String action, Map<String, String> context) {
            contexts.put(action == null ? "*" : action, Map.copyOf(context));
            return this;
        }

        public RequestFacts build() {
            return new RequestFacts(this);
        }
    }
}
