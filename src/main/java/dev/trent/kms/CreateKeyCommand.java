package dev.trent.kms;

import java.util.List;

/** What CreateKey asks for; a null usage is the default AWS picks, where it picks one. */
public record CreateKeyCommand(
        String description,
        KeySpec spec,
        KeyUsage usage,
        Origin origin,
        boolean multiRegion,
        String policy,
        List<Tag> tags,
        String customKeyStoreId,
        String xksKeyId) {

    public CreateKeyCommand withUsage(KeyUsage newUsage) {
        return new CreateKeyCommand(description, spec, newUsage, origin, multiRegion, policy, tags, customKeyStoreId,
                xksKeyId);
    }
}
