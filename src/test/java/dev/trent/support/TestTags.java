package dev.trent.support;

import software.amazon.awssdk.services.kms.model.Tag;

/** Tags for TagResource, CreateKey and the comparison of ListResourceTags answers. */
public final class TestTags {
    private TestTags() {
    }

    public static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }
}
