package dev.trent.kms;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grant's constraints. An empty encryption context map counts as none, as AWS treats it.
 *
 * @param encryptionContextSubset pairs the request's encryption context must include; null for none
 * @param encryptionContextEquals the request's whole encryption context; null for none
 * @param sourceArn the resource on whose behalf requests must be made; null for none
 */
public record GrantConstraints(Map<String, String> encryptionContextSubset, Map<String, String> encryptionContextEquals,
        String sourceArn) {

    public static final GrantConstraints NONE = new GrantConstraints(null, null, null);

    public GrantConstraints {
        encryptionContextSubset = copy(encryptionContextSubset);
        encryptionContextEquals = copy(encryptionContextEquals);
    }

    public boolean isEmpty() {
        return encryptionContextSubset == null && encryptionContextEquals == null && sourceArn == null;
    }

    public boolean hasEncryptionContext() {
        return encryptionContextSubset != null || encryptionContextEquals != null;
    }

    private static Map<String, String> copy(Map<String, String> context) {
        return context == null || context.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(context));
    }
}
