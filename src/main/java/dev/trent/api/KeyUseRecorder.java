package dev.trent.api;

import dev.trent.kms.KeyUsageLog;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Records the keys a successful cryptographic operation used, for GetKeyLastUsage. Every such
 * response names its key by ARN in {@code KeyId} (and ReEncrypt its source key in
 * {@code SourceKeyId}), which spares the operations from each recording their own use.
 */
final class KeyUseRecorder {
    /** AWS's KeyLastUsageTrackingOperation. */
    private static final Set<Operation> TRACKED = EnumSet.of(
            Operation.DECAPSULATE, Operation.DECRYPT, Operation.DERIVE_SHARED_SECRET, Operation.ENCAPSULATE,
            Operation.ENCRYPT, Operation.GENERATE_DATA_KEY, Operation.GENERATE_DATA_KEY_PAIR,
            Operation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT,
            Operation.GENERATE_MAC, Operation.RE_ENCRYPT, Operation.SIGN, Operation.VERIFY, Operation.VERIFY_MAC);
    private static final Set<String> KEY_MEMBERS = Set.of("KeyId", "SourceKeyId");

    private final KeyUsageLog log;

    KeyUseRecorder(KeyUsageLog log) {
        this.log = log;
    }

    void record(Operation op, SdkPojo response, String requestId) {
        if (!TRACKED.contains(op)) {
            return;
        }
        for (SdkField<?> field : response.sdkFields()) {
            if (KEY_MEMBERS.contains(field.locationName()) && field.getValueOrDefault(response) instanceof String arn) {
                log.record(arn, op.awsName(), requestId);
            }
        }
    }
}
