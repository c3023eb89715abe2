package dev.trent.kms;

import dev.trent.kms.KeyResolver.Accepts;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The tags of keys: TagResource, UntagResource, ListResourceTags. */
public final class KeyTags {
    private final Keys keys;
    private final KeyResolver resolver;

    KeyTags(Keys keys, KeyResolver resolver) {
        this.keys = keys;
        this.resolver = resolver;
    }

    public void tag(Requester requester, String keyId, List<Tag> tags) {
        TagRules.validate(tags);
        keys.change(requester, keyId, "kms:TagResource", KeyStateRule.NOT_PENDING_DELETION,
                key -> key.withTags(TagRules.merge(key.tags(), tags)));
    }

    public void untag(Requester requester, String keyId, Collection<String> tagKeys) {
        Set<String> removed = new HashSet<>(tagKeys);
        keys.change(requester, keyId, "kms:UntagResource", KeyStateRule.NOT_PENDING_DELETION,
                key -> key.withTags(key.tags().stream().filter(t -> !removed.contains(t.key())).toList()));
    }

    public Page<Tag> list(Requester requester, String keyId, Integer limit, String marker) {
        KmsKey key = resolver.resolve(requester, keyId, Accepts.KEY_ID_OR_ARN, "kms:ListResourceTags");
        return Paging.page("tags", marker, limit, 50, key.tags(), Tag::key);
    }
}
