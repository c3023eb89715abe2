package dev.trent.kms;

import java.util.List;

/** What CreateKey asks for, its defaults already applied by the caller where AWS has them. */
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
}
