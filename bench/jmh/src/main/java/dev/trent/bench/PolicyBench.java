package dev.trent.bench;

import dev.trent.kms.DefaultKeyPolicy;
import dev.trent.policy.Decision;
import dev.trent.policy.Evaluation;
import dev.trent.policy.PolicyCache;
import dev.trent.policy.PolicyDocument;
import dev.trent.policy.RequestContext;
import dev.trent.policy.RequestPrincipal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Policy evaluation as the request path does it: the default key policy, one with conditions, a cache hit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyBench {
    private static final String ALICE = "arn:aws:iam::111122223333:user/Alice";
    /** A key policy of the kind AWS's console writes: admins, users with conditions on context and via. */
    private static final String CONDITIONAL = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Admins\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/Admin\"},"
            + "\"Action\":[\"kms:Create*\",\"kms:Describe*\",\"kms:Enable*\",\"kms:List*\",\"kms:Put*\",\"kms:Update*\","
            + "\"kms:Revoke*\",\"kms:Disable*\",\"kms:Get*\",\"kms:Delete*\",\"kms:ScheduleKeyDeletion\","
            + "\"kms:CancelKeyDeletion\"],\"Resource\":\"*\"},"
            + "{\"Sid\":\"NoPlaintextOutsideIT\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"kms:EncryptionContext:department\":\"IT\"}}},"
            + "{\"Sid\":\"Users\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + ALICE + "\","
            + "\"arn:aws:iam::111122223333:user/Bob\"]},"
            + "\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncrypt*\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:department\":\"IT\","
            + "\"kms:CallerAccount\":\"111122223333\"},"
            + "\"StringLike\":{\"kms:ViaService\":[\"s3.*.amazonaws.com\",\"secretsmanager.*.amazonaws.com\"]},"
            + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";

    private final PolicyCache cache = new PolicyCache();
    private PolicyDocument defaultPolicy;
    private PolicyDocument conditional;
    private String defaultText;
    private RequestContext rootEncrypt;
    private RequestContext aliceDecrypt;

    @Setup
    public void setup() {
        defaultText = DefaultKeyPolicy.forScope(new dev.trent.kms.Scope(Fixtures.ACCOUNT, "us-east-1"));
        defaultPolicy = PolicyDocument.parse(defaultText);
        conditional = PolicyDocument.parse(CONDITIONAL);
        cache.get(defaultText);
        rootEncrypt = RequestContext.builder()
                .principal(RequestPrincipal.aws("arn:aws:iam::111122223333:root"))
                .action("kms:Encrypt").resource(Fixtures.KEY_ARN)
                .key("kms:CallerAccount", Fixtures.ACCOUNT).build();
        aliceDecrypt = RequestContext.builder()
                .principal(RequestPrincipal.aws(ALICE))
                .action("kms:Decrypt").resource(Fixtures.KEY_ARN)
                .key("kms:CallerAccount", Fixtures.ACCOUNT)
                .key("kms:EncryptionContext:department", "IT")
                .key("kms:ViaService", "s3.us-east-1.amazonaws.com")
                .key("aws:SecureTransport", "true").build();
        require(defaultPolicy.evaluate(rootEncrypt), Decision.ALLOW);
        require(conditional.evaluate(aliceDecrypt), Decision.ALLOW);
    }

    private static void require(Evaluation evaluation, Decision expected) {
        if (evaluation.decision() != expected) {
            throw new IllegalStateException("fixture evaluates to " + evaluation.decision() + ", not " + expected);
        }
    }

    @Benchmark
    public Evaluation defaultKeyPolicy() {
        return defaultPolicy.evaluate(rootEncrypt);
    }

    @Benchmark
    public Evaluation policyWithConditions() {
        return conditional.evaluate(aliceDecrypt);
    }

    @Benchmark
    public PolicyDocument cacheHit() {
        return cache.get(defaultText);
    }
}
