package dev.trent.http;

import dev.trent.kms.ErrorCode;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The HTTP status AWS KMS sends with each error type: 400 for every client error, 500 for its own failures. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    static HttpResponseStatus of(ErrorCode code) {
        return switch (code) {
            case INTERNAL -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
            case DEPENDENCY_TIMEOUT -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            default -> HttpResponseStatus.BAD_REQUEST;
        };
    }
}
