package dev.trent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** The keys a request names and the key its answer names, read generically from the SDK shapes. */
final class KeyNames {
    /** The request members that name a key, in the order a request's key is chosen for the log. */
    private static final List<String> REQUEST_MEMBERS = List.of("KeyId", "DestinationKeyId", "SourceKeyId",
            "TargetKeyId");
    private static final Set<String> ANSWER_MEMBERS = Set.of("KeyId", "KeyMetadata");

    private KeyNames() {
    }

    static List<String> named(SdkPojo request) {
        List<String> names = new ArrayList<>();
        for (String member : REQUEST_MEMBERS) {
            for (SdkField<?> field : request.sdkFields()) {
                if (field.locationName().equals(member) && field.getValueOrDefault(request) instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The key ARN an answer names: its {@code KeyId}, or its {@code KeyMetadata}'s {@code Arn}. */
    static Optional<String> answered(SdkPojo response) {
        for (SdkField<?> field : response.sdkFields()) {
            if (!ANSWER_MEMBERS.contains(field.locationName())) {
                continue;
            }
            Object value = field.getValueOrDefault(response);
            if (value instanceof String arn) {
                return Optional.of(arn);
            }
            if (value instanceof SdkPojo metadata) {
                for (SdkField<?> member : metadata.sdkFields()) {
                    if (member.locationName().equals("Arn") && member.getValueOrDefault(metadata) instanceof String arn) {
                        return Optional.of(arn);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
