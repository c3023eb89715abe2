package dev.trent.api;

import dev.trent.auth.Caller;

/**
 * What is learnt of one KMS request while it is answered (its operation, its caller, its key), for
 * the request log; filled by the HTTP layer and the API, on the request's one worker thread.
 */
public final class RequestTrace {
    private final String requestId;
    private final long started = System.nanoTime();
    private Operation operation;
    private Caller caller;
    private String keyId;

    public RequestTrace(String requestId) {
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }

    public void operation(Operation op) {
        this.operation = op;
    }

    public void caller(Caller who) {
        this.caller = who;
    }

    void keyId(String key) {
        this.keyId = key;
    }

    /** The request as answered with this result now. */
    public ServedRequest served(String result) {
        return new ServedRequest(operation == null ? null : operation.awsName(),
                caller == null ? null : caller.account(), caller == null ? null : caller.region(),
                caller == null ? null : caller.principal(), keyId, result,
                (System.nanoTime() - started) / 1_000_000.0, requestId);
    }
}
