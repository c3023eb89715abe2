package dev.trent.http;

import dev.trent.kms.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The HTTP status AWS KMS sends with each error type: 400 for every client error, and for its own
 * failures the status of AWS's service model (KMSInternalException and KeyUnavailableException 500,
 * DependencyTimeoutException 503), which the SDKs retry.
 */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static HttpResponseStatus of(ErrorCode code) {
        return switch (code) {
            case INTERNAL, KEY_UNAVAILABLE -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
            case DEPENDENCY_TIMEOUT -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
    }
}
