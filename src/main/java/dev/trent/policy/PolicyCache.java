package dev.trent.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed documents by their text, bounded (least recently used goes first), so that the request path
 * finds a key's policy already parsed. Documents that fail to parse are not kept: they throw each time.
 */
public final class PolicyCache {
    public static final int DEFAULT_CAPACITY = 10_000;

    private record Key(PolicyKind kind, String text) {
    }

    private final Map<Key, PolicyDocument> entries;

    public PolicyCache() {
        this(DEFAULT_CAPACITY);
    }

    public PolicyCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PolicyDocument> eldest) {
                return size() > capacity;
            }
        };
    }

    public PolicyDocument get(String json) {
        return get(json, PolicyKind.RESOURCE);
    }

    /** @throws MalformedPolicyException when AWS would refuse the document */
    public PolicyDocument get(String json, PolicyKind kind) {
        Key key = new Key(kind, json);
        synchronized (entries) {
            PolicyDocument cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PolicyDocument parsed = PolicyDocument.parse(json, kind);
        synchronized (entries) {
            entries.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
