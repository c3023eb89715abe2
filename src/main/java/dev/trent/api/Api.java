package dev.trent.api;

import dev.trent.auth.Caller;
import dev.trent.kms.AccessMode;
import dev.trent.kms.Kms;
import dev.trent.kms.RequestFacts;
import dev.trent.kms.Requester;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The KMS API: for each operation, its request shape and its handler. A call fills a request of
 * the operation's shape (the caller decodes the wire format into it), checks it against AWS's
 * constraints, and hands it to the handler.
 */
public final class Api {

    /** Fills a request builder from the wire. */
    @FunctionalInterface
    public interface RequestDecoder {
        void decodeInto(SdkPojo requestBuilder);
    }

    /** An operation's request shape and handler. */
    record Route<Q extends SdkPojo>(Supplier<? extends SdkBuilder<?, Q>> newRequest,
            BiFunction<Requester, Q, ? extends SdkPojo> handler) {

        SdkPojo call(Caller caller, Operation op, Connection connection, RequestDecoder decoder,
                RequestValidator validator, Kms kms, CallInterceptor interceptor, RequestTrace trace) {
            SdkBuilder<?, Q> builder = newRequest.get();
            decoder.decodeInto((SdkPojo) builder);
            Q request = builder.build();
            List<String> keys = KeyNames.named(request);
            trace.keyId(keys.isEmpty() ? null : keys.get(0));
            // before validation, as AWS throttles or fails a request whatever it holds
            interceptor.before(new CallFacts(op, caller.scope(), caller.principal(), keys));
            validator.validate(request);
            List<String> grantTokens = GrantTokensParameter.of(request);
            kms.grants().checkTokens(grantTokens);
            kms.catchUp();
            // condition keys matter only where policies are evaluated, and are gathered only if one reads them
            Supplier<RequestFacts> facts = kms.access().mode() == AccessMode.POLICIES
                    ? () -> RequestConditions.of(op, request, connection) : () -> RequestFacts.NONE;
            Requester requester = new Requester(caller.scope(), caller.principal(), caller.identityPolicies(),
                    grantTokens, facts);
            return handler.apply(requester, request);
        }
    }

    /** Each operation's route, found at its first request. */
    private final AtomicReferenceArray<Route<?>> routes = new AtomicReferenceArray<>(Operation.values().length);
    private final List<HandlerGroup> groups;
    private final RequestValidator validator;
    private final Kms kms;
    private final KeyUseRecorder keyUses;
    private final CallInterceptor interceptor;

    public Api(Kms kms) {
        this(kms, CallInterceptor.NONE);
    }

    /** @param interceptor sees every request before it is checked (the test-control API's faults) */
    public Api(Kms kms, CallInterceptor interceptor) {
        this.kms = kms;
        this.interceptor = interceptor;
        this.validator = new RequestValidator(Constraints.load());
        this.keyUses = new KeyUseRecorder(kms.usage());
        this.groups = List.of(new KeyHandlers(kms), new CryptoHandlers(kms), new AliasHandlers(kms),
                new TagHandlers(kms), new PolicyHandlers(kms), new AsymmetricHandlers(kms), new MacHandlers(kms),
                new KeyUsageHandlers(kms), new RotationHandlers(kms), new ImportHandlers(kms),
                new MultiRegionHandlers(kms), new GrantHandlers(kms), new CustomKeyStoreHandlers(kms));
    }

    /** How handler groups give an operation's route. */
    static <Q extends SdkPojo> Route<Q> route(Supplier<? extends SdkBuilder<?, Q>> newRequest,
            BiFunction<Requester, Q, ? extends SdkPojo> handler) {
        return new Route<>(newRequest, handler);
    }

    /** The handler groups, for the test that each operation has exactly one. */
    List<HandlerGroup> groups() {
        return groups;
    }

    private Route<?> route(Operation op) {
        Route<?> route = routes.get(op.ordinal());
        if (route == null) {
            for (HandlerGroup group : groups) {
                route = group.route(op);
                if (route != null) {
                    routes.set(op.ordinal(), route); // two threads racing set equal routes
                    return route;
                }
            }
            throw new IllegalStateException(op + " has no handler");
        }
        return route;
    }

    /** Answers one request; {@code requestId} is the id its response carries. */
    public SdkPojo call(Caller caller, Operation op, String requestId, RequestDecoder decoder) {
        return call(caller, Connection.UNKNOWN, op, requestId, decoder);
    }

    /** Answers one request that came over {@code connection}. */
    public SdkPojo call(Caller caller, Connection connection, Operation op, String requestId, RequestDecoder decoder) {
        return call(caller, connection, op, new RequestTrace(requestId), decoder);
    }

    /** Answers one request that came over {@code connection}, noting its key in {@code trace}. */
    public SdkPojo call(Caller caller, Connection connection, Operation op, RequestTrace trace, RequestDecoder decoder) {
        trace.operation(op);
        trace.caller(caller);
        SdkPojo response = route(op).call(caller, op, connection, decoder, validator, kms, interceptor, trace);
        KeyNames.answered(response).ifPresent(trace::keyId);
        keyUses.record(op, response, trace.requestId());
        return response;
    }
}
