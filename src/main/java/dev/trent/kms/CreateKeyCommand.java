package dev.trent.kms;

import java.util.List;

/**
 * What CreateKey asks for; a null usage is the default AWS picks, where it picks one.
 *
 * @param bypassPolicyLockoutSafetyCheck whether to skip the check that the caller could change the
 *     given policy afterwards
 */
public record CreateKeyCommand(
        String description,
        KeySpec spec,
        KeyUsage usage,
        Origin origin,
        boolean multiRegion,
        String policy,
        List<Tag> tags,
        String customKeyStoreId,
        String xksKeyId,
        boolean bypassPolicyLockoutSafetyCheck) {

    public CreateKeyCommand withUsage(KeyUsage newUsage) {
        return new CreateKeyCommand(description, spec, newUsage, origin, multiRegion, policy, tags, customKeyStoreId,
                xksKeyId, bypassPolicyLockoutSafetyCheck);
    }
}
