package dev.trent.api;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The GrantTokens member that many requests have (Encrypt, Sign, DescribeKey, CreateGrant, ...),
 * read generically so that every operation that takes grant tokens has them checked, by
 * {@link dev.trent.kms.Grants#checkTokens}, before its handler runs.
 */
final class GrantTokensParameter {
    private static final String MEMBER = "GrantTokens";

    private GrantTokensParameter() {
    }

    /** The request's grant tokens; empty when it has none or cannot have any. */
    static List<String> of(SdkPojo request) {
        for (SdkField<?> field : request.sdkFields()) {
            if (field.memberName().equals(MEMBER) && field.getValueOrDefault(request) instanceof List<?> tokens) {
                return tokens.stream().map(String.class::cast).toList();
            }
        }
        return List.of();
    }
}
