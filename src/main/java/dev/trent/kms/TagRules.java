package dev.trent.kms;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** AWS's rules for the tags of a key, for CreateKey and TagResource alike. */
final class TagRules {
    static final int MAX_TAGS_PER_KEY = 50;

    private TagRules() {
    }

    static void validate(Collection<Tag> tags) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw new KmsException(ErrorCode.TAG, "Tags beginning with aws: are reserved");
            }
            if (!keys.add(tag.key())) {
                throw new KmsException(ErrorCode.TAG, "Duplicate tag keys");
            }
        }
    }

    /** The key's tags after setting {@code added}: one tag per key, the newest value winning, sorted by key. */
    static List<Tag> merge(List<Tag> existing, Collection<Tag> added) {
        Map<String, String> merged = new TreeMap<>();
        existing.forEach(t -> merged.put(t.key(), t.value()));
        added.forEach(t -> merged.put(t.key(), t.value()));
        if (merged.size() > MAX_TAGS_PER_KEY) {
            throw new KmsException(ErrorCode.TAG, "Too many tags");
        }
        return merged.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }
}
