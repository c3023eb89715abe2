package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.assertValidationError;
import static dev.trent.support.TestKeys.newKeyId;
import static dev.trent.support.TestTags.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagException;

/** TagResource, UntagResource, ListResourceTags, and tags given to CreateKey. */
class TagsTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private final KmsClient kms = trent.kms();

    // ---------------------------------------------------------------- setting and removing tags

    @Test
    void aNewKeyHasNoTags() {
        String keyId = newKeyId(kms);

        ListResourceTagsResponse tags = kms.listResourceTags(b -> b.keyId(keyId));

        assertThat(tags.tags()).isEmpty();
        assertThat(tags.truncated()).isFalse();
        assertThat(tags.nextMarker()).isNull();
    }

    @Test
    void tagResourceAddsTags() {
        String keyId = newKeyId(kms);

        kms.tagResource(b -> b.keyId(keyId).tags(tag("CostCenter", "87654"), tag("Purpose", "test")));

        assertThat(tagsOf(keyId)).containsExactlyInAnyOrder(tag("CostCenter", "87654"), tag("Purpose", "test"));
    }

    @Test
    void tagResourceAddsToTheTagsAlreadyThere() {
        String keyId = newKeyId(kms);
        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag1", "value1")));

        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag2", "value2")));

        assertThat(tagsOf(keyId)).containsExactlyInAnyOrder(tag("tag1", "value1"), tag("tag2", "value2"));
    }

    @Test
    void tagResourceWithAnExistingTagKeyOverwritesItsValue() {
        String keyId = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"), tag("tag3", "value3")))
                .keyMetadata().keyId();

        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag4", "value4"), tag("tag2", "updated_value2"),
                tag("tag5", "value5")));

        assertThat(tagsOf(keyId)).containsExactlyInAnyOrder(tag("tag1", "value1"), tag("tag2", "updated_value2"),
                tag("tag3", "value3"), tag("tag4", "value4"), tag("tag5", "value5"));
    }

    @Test
    void tagResourceByKeyArnTagsTheKey() {
        var key = kms.createKey(b -> { }).keyMetadata();

        kms.tagResource(b -> b.keyId(key.arn()).tags(tag("by", "arn")));

        assertThat(tagsOf(key.keyId())).containsExactly(tag("by", "arn"));
    }

    @Test
    void tagResourceAcceptsAnEmptyTagValue() {
        String keyId = newKeyId(kms);

        kms.tagResource(b -> b.keyId(keyId).tags(tag("empty", "")));

        assertThat(tagsOf(keyId)).containsExactly(tag("empty", ""));
    }

    @Test
    void tagResourceAcceptsAKeyOf128AndAValueOf256Characters() {
        String keyId = newKeyId(kms);
        Tag longest = tag("k".repeat(128), "v".repeat(256));

        kms.tagResource(b -> b.keyId(keyId).tags(longest));

        assertThat(tagsOf(keyId)).containsExactly(longest);
    }

    @Test
    void createKeyWithTagsTagsTheKey() {
        String keyId = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", ""))).keyMetadata().keyId();

        assertThat(tagsOf(keyId)).containsExactlyInAnyOrder(tag("tag1", "value1"), tag("tag2", ""));
    }

    @Test
    void untagResourceRemovesTheNamedTags() {
        String keyId = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"), tag("tag3", "value3")))
                .keyMetadata().keyId();

        kms.untagResource(b -> b.keyId(keyId).tagKeys("tag1", "tag3"));

        assertThat(tagsOf(keyId)).containsExactly(tag("tag2", "value2"));
    }

    @Test
    void untagResourceOfEveryTagLeavesNone() {
        String keyId = kms.createKey(b -> b.tags(tag("tag1", "value1"), tag("tag2", "value2"))).keyMetadata().keyId();

        kms.untagResource(b -> b.keyId(keyId).tagKeys("tag1", "tag2"));

        assertThat(tagsOf(keyId)).isEmpty();
    }

    @Test
    void untagResourceOfATagTheKeyDoesNotHaveSucceeds() {
        String keyId = kms.createKey(b -> b.tags(tag("tag1", "value1"))).keyMetadata().keyId();

        kms.untagResource(b -> b.keyId(keyId).tagKeys("never-set"));

        assertThat(tagsOf(keyId)).containsExactly(tag("tag1", "value1"));
    }

    @Test
    void tagsOfOneKeyAreNotTagsOfAnother() {
        String tagged = newKeyId(kms);
        String other = newKeyId(kms);

        kms.tagResource(b -> b.keyId(tagged).tags(tag("only", "here")));

        assertThat(tagsOf(other)).isEmpty();
    }

    // ---------------------------------------------------------------- reserved, duplicate, too many

    @ParameterizedTest
    @ValueSource(strings = {"aws:key1", "AWS:key1"})
    void tagResourceRefusesTagKeysReservedForAws(String tagKey) {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag(tagKey, "value1"))), TagException.class,
                "TagException", "Tags beginning with aws: are reserved");
        assertThat(tagsOf(keyId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:key1", "AWS:key1"})
    void createKeyRefusesTagKeysReservedForAws(String tagKey) {
        assertAwsError(() -> kms.createKey(b -> b.tags(tag(tagKey, "value1"))), TagException.class, "TagException",
                "Tags beginning with aws: are reserved");
    }

    @Test
    void tagResourceRefusesTheSameTagKeyTwice() {
        String keyId = newKeyId(kms);

        assertAwsError(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("tag1", "a"), tag("tag1", "b"))),
                TagException.class, "TagException", "Duplicate tag keys");
        assertThat(tagsOf(keyId)).isEmpty();
    }

    @Test
    void createKeyAcceptsFiftyTags() {
        String keyId = kms.createKey(b -> b.tags(tags("tag", 50))).keyMetadata().keyId();

        assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).hasSize(50);
    }

    @Test
    void createKeyRefusesFiftyOneTags() {
        assertAwsError(() -> kms.createKey(b -> b.tags(tags("tag", 51))), TagException.class, "TagException",
                "Too many tags");
    }

    @Test
    void tagResourceRefusesToTakeAKeyPastFiftyTags() {
        String keyId = kms.createKey(b -> b.tags(tags("tag", 49))).keyMetadata().keyId();

        assertAwsError(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("more1", "v"), tag("more2", "v"))),
                TagException.class, "TagException", "Too many tags");
        assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).hasSize(49);
    }

    @Test
    void tagResourceMayOverwriteTheTagsOfAKeyThatHasFifty() {
        String keyId = kms.createKey(b -> b.tags(tags("tag", 50))).keyMetadata().keyId();

        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag1", "overwritten")));

        assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).hasSize(50).contains(tag("tag1", "overwritten"));
    }

    // ---------------------------------------------------------------- lengths

    @Test
    void tagResourceRefusesATagKeyOf129Characters() {
        String keyId = newKeyId(kms);
        String tagKey = "a".repeat(129);

        assertValidationError(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag(tagKey, "value"))),
                "1 validation error detected: Value '" + tagKey + "' at 'tags.1.member.tagKey' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 128");
    }

    @Test
    void tagResourceRefusesATagValueOf257Characters() {
        String keyId = newKeyId(kms);
        String tagValue = "v".repeat(257);

        assertValidationError(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("tag1", tagValue))),
                "1 validation error detected: Value '" + tagValue + "' at 'tags.1.member.tagValue' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 256");
    }

    @Test
    void createKeyRefusesATagKeyOf129Characters() {
        String tagKey = "a".repeat(129);

        assertValidationError(() -> kms.createKey(b -> b.tags(tag(tagKey, "value"))),
                "1 validation error detected: Value '" + tagKey + "' at 'tags.1.member.tagKey' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 128");
    }

    @Test
    void createKeyRefusesATagValueOf257Characters() {
        String tagValue = "v".repeat(257);

        assertValidationError(() -> kms.createKey(b -> b.tags(tag("tag1", tagValue))),
                "1 validation error detected: Value '" + tagValue + "' at 'tags.1.member.tagValue' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 256");
    }

    // ---------------------------------------------------------------- ListResourceTags paging

    @Test
    void listResourceTagsPagesWithLimitAndMarker() {
        List<Tag> all = tags("tag", 5);
        String keyId = kms.createKey(b -> b.tags(all)).keyMetadata().keyId();
        List<Tag> seen = new ArrayList<>();

        ListResourceTagsResponse first = kms.listResourceTags(b -> b.keyId(keyId).limit(2));
        assertThat(first.tags()).hasSize(2);
        assertThat(first.truncated()).isTrue();
        assertThat(first.nextMarker()).isNotBlank();
        seen.addAll(first.tags());

        ListResourceTagsResponse second = kms.listResourceTags(b -> b.keyId(keyId).limit(2)
                .marker(first.nextMarker()));
        assertThat(second.tags()).hasSize(2);
        assertThat(second.truncated()).isTrue();
        assertThat(second.nextMarker()).isNotBlank();
        seen.addAll(second.tags());

        ListResourceTagsResponse last = kms.listResourceTags(b -> b.keyId(keyId).limit(2)
                .marker(second.nextMarker()));
        assertThat(last.tags()).hasSize(1);
        assertThat(last.truncated()).isFalse();
        assertThat(last.nextMarker()).isNull();
        seen.addAll(last.tags());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void listResourceTagsRefusesAMarkerItDidNotMake() {
        String keyId = kms.createKey(b -> b.tags(tags("tag", 3))).keyMetadata().keyId();

        assertAwsError(() -> kms.listResourceTags(b -> b.keyId(keyId).marker("not-a-marker")),
                InvalidMarkerException.class, "InvalidMarkerException");
    }

    // ---------------------------------------------------------------- helpers

    private List<Tag> tagsOf(String keyId) {
        return kms.listResourceTags(b -> b.keyId(keyId)).tags();
    }

    /** {@code count} tags named prefix1, prefix2, ... */
    private static List<Tag> tags(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> tag(prefix + i, "value" + i)).toList();
    }
}
