package dev.trent.api;

import dev.trent.kms.KeyLastUsage;
import dev.trent.kms.KeyUsageLog;
import dev.trent.kms.Kms;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageRequest;
import software.amazon.awssdk.services.kms.model.GetKeyLastUsageResponse;
import software.amazon.awssdk.services.kms.model.KeyLastUsageData;

/** GetKeyLastUsage. */
final class KeyUsageHandlers implements HandlerGroup {
    private final KeyUsageLog usage;

    KeyUsageHandlers(Kms kms) {
        this.usage = kms.usage();
    }

    /** This group's route for {@code op}; null for another group's operation. */
    @Override
    public Api.Route<?> route(Operation op) {
        return switch (op) {
            case GET_KEY_LAST_USAGE -> Api.route(GetKeyLastUsageRequest::builder, (caller, r) -> {
                KeyUsageLog.Report report = usage.lastUsage(caller, r.keyId());
                return GetKeyLastUsageResponse.builder()
                        .keyId(report.key().keyId())
                        // an empty object, not an absent one, when the key was not used
                        .keyLastUsage(report.lastUsage().map(KeyUsageHandlers::data)
                                .orElseGet(() -> KeyLastUsageData.builder().build()))
                        .trackingStartDate(report.key().creationDate())
                        .keyCreationDate(report.key().creationDate())
                        .build();
            });
            default -> null;
        };
    }

    static KeyLastUsageData data(KeyLastUsage use) {
        return KeyLastUsageData.builder()
                .operation(use.operation())
                .timestamp(use.timestamp())
                .cloudTrailEventId(use.cloudTrailEventId())
                .kmsRequestId(use.requestId())
                .build();
    }
}
