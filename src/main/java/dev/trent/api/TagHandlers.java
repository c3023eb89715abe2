package dev.trent.api;

import dev.trent.kms.KeyTags;
import dev.trent.kms.Kms;
import dev.trent.kms.Page;
import dev.trent.kms.Tag;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;

/** TagResource, UntagResource, ListResourceTags. */
final class TagHandlers implements HandlerGroup {
    private final KeyTags tags;

    TagHandlers(Kms kms) {
        this.tags = kms.tags();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case TAG_RESOURCE -> Api.route(TagResourceRequest::builder, (caller, r) -> {
                tags.tag(caller, r.keyId(), r.tags().stream().map(t -> new Tag(t.tagKey(), t.tagValue())).toList());
                return TagResourceResponse.builder().build();
            });
            case UNTAG_RESOURCE -> Api.route(UntagResourceRequest::builder, (caller, r) -> {
                tags.untag(caller, r.keyId(), r.tagKeys());
                return UntagResourceResponse.builder().build();
            });
            case LIST_RESOURCE_TAGS -> Api.route(ListResourceTagsRequest::builder, (caller, r) -> {
                Page<Tag> page = tags.list(caller, r.keyId(), r.limit(), r.marker());
                return ListResourceTagsResponse.builder()
                        .tags(page.items().stream()
                                .map(t -> software.amazon.awssdk.services.kms.model.Tag.builder()
                                        .tagKey(t.key()).tagValue(t.value()).build())
                                .toList())
                        .nextMarker(page.nextMarker())
                        .truncated(page.truncated())
                        .build();
            });
            default -> null;
        };
    }
}
