package dev.trent.api;

/**
 * Looks at each KMS request once it is decoded, before it is checked or handled: the test-control
 * API's faults delay a request here, fail it with an AWS error ({@link dev.trent.kms.KmsException})
 * or have its connection closed ({@link ConnectionDrop}).
 */
@FunctionalInterface
public interface CallInterceptor {
    CallInterceptor NONE = call -> {
    };

    void before(CallFacts call);
}
