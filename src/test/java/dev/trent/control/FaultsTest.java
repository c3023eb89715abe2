package dev.trent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trent.support.ControlClient;
import dev.trent.support.KmsClients;
import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DependencyTimeoutException;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;

/**
 * Faults injected through the Trent handle and the HTTP API, as the AWS SDK for Java v2 sees them:
 * AWS's exception types, HTTP statuses and messages, its retries, latency, closed connections.
 */
class FaultsTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("fault injection");

    @AfterEach
    void clearFaults() {
        trent.trent().faults().clear();
    }

    private static Faults faults() {
        return trent.trent().faults();
    }

    private static <E extends SdkServiceException> E assertServerError(Runnable call, Class<E> type,
            String errorCode, int status, String message) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("expected %s", errorCode).isInstanceOf(type);
        E e = type.cast(thrown);
        assertThat(e.statusCode()).as("HTTP status of %s", errorCode).isEqualTo(status);
        KmsException kms = (KmsException) e;
        assertThat(kms.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(kms.awsErrorDetails().errorMessage()).isEqualTo(message);
        return e;
    }

    private void encrypt(KmsClient kms, String keyId) {
        kms.encrypt(b -> b.keyId(keyId).plaintext(PLAINTEXT));
    }

    @Test
    void eachErrorReachesTheSdkAsAwsSendsIt() {
        String keyId = TestKeys.newKeyId(trent.kms());
        Runnable encrypt = () -> encrypt(trent.kms(), keyId);

        Fault throttling = faults().add(Fault.error(FaultError.THROTTLING).onOperations("Encrypt"));
        assertServerError(encrypt, KmsException.class, "ThrottlingException", 400,
                "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.");
        faults().remove(throttling.id());

        Fault internal = faults().add(Fault.error(FaultError.KMS_INTERNAL).onOperations("Encrypt"));
        assertServerError(encrypt, KmsInternalException.class, "KMSInternalException", 500,
                "The request was rejected because an internal exception occurred. The request can be retried.");
        faults().remove(internal.id());

        Fault timeout = faults().add(Fault.error(FaultError.DEPENDENCY_TIMEOUT).onOperations("Encrypt"));
        assertServerError(encrypt, DependencyTimeoutException.class, "DependencyTimeoutException", 503,
                "The system timed out while trying to fulfill the request. You can retry the request.");
        faults().remove(timeout.id());

        faults().add(Fault.error(FaultError.KEY_UNAVAILABLE).onOperations("Encrypt"));
        assertServerError(encrypt, KeyUnavailableException.class, "KeyUnavailableException", 500,
                "The request was rejected because the specified KMS key was not available. You can retry the "
                        + "request.");
        // other operations are untouched
        assertThat(trent.kms().describeKey(b -> b.keyId(keyId)).keyMetadata().keyId()).isEqualTo(keyId);

        faults().clear();
        encrypt.run();
    }

    /** Counts the attempts the SDK makes, retries included. */
    private static final class Attempts implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            count.incrementAndGet();
        }
    }

    /** A client with the SDK's standard retries (three attempts), without their waits. */
    private static KmsClient retryingClient(ExecutionInterceptor interceptor) {
        return KmsClient.builder()
                .endpointOverride(trent.endpoint())
                .region(Region.of(TrentServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TrentServer.ACCOUNT, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(3)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()))
                        .addExecutionInterceptor(interceptor))
                .build();
    }

    @Test
    void theSdkRetriesThrottlingAndGivesUpAfterItsAttempts() {
        String keyId = TestKeys.newKeyId(trent.kms());
        Attempts attempts = new Attempts();
        try (KmsClient retrying = retryingClient(attempts)) {
            faults().add(Fault.error(FaultError.THROTTLING).onOperations("Encrypt"));

            Throwable thrown = catchThrowable(() -> encrypt(retrying, keyId));

            assertThat(thrown).isInstanceOf(KmsException.class);
            assertThat(((KmsException) thrown).awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(((KmsException) thrown).numAttempts()).isEqualTo(3);
            assertThat(attempts.count).hasValue(3);
            assertThat(trent.trent().requests(RequestFilter.ALL.withOperation("Encrypt").withKeyId(keyId)))
                    .hasSize(3).allSatisfy(r -> assertThat(r.result()).isEqualTo("ThrottlingException"));
        }
    }

    @Test
    void aRetriedRequestSucceedsWhenTheFaultFiresOnlySometimes() {
        String keyId = TestKeys.newKeyId(trent.kms());
        Attempts attempts = new Attempts();
        try (KmsClient retrying = retryingClient(attempts)) {
            // a seed whose first draw fires and whose second does not, found with an independent Random
            long seed = 0;
            while (!firesThenNot(seed)) {
                seed++;
            }
            faults().seed(seed);
            faults().add(Fault.error(FaultError.KMS_INTERNAL).onOperations("Encrypt").withRate(0.5));

            encrypt(retrying, keyId);

            assertThat(attempts.count).hasValue(2);
            assertThat(trent.trent().requests(RequestFilter.ALL.withKeyId(keyId).withOperation("Encrypt")))
                    .extracting(LoggedRequest::result).containsExactly("ok", "KMSInternalException");
        }
    }

    private static boolean firesThenNot(long seed) {
        java.util.Random random = new java.util.Random(seed);
        return random.nextDouble() < 0.5 && random.nextDouble() >= 0.5;
    }

    @Test
    void aFaultOnOneKeyLeavesTheOthers() {
        String faulty = TestKeys.newKeyId(trent.kms());
        String healthy = TestKeys.newKeyId(trent.kms());
        trent.kms().createAlias(b -> b.aliasName("alias/faulty-" + faulty).targetKeyId(faulty));
        faults().add(Fault.error(FaultError.KEY_UNAVAILABLE).onKeys(TestKeys.keyArn(faulty)));

        assertThat(catchThrowable(() -> encrypt(trent.kms(), faulty))).isInstanceOf(KeyUnavailableException.class);
        assertThat(catchThrowable(() -> encrypt(trent.kms(), TestKeys.keyArn(faulty))))
                .isInstanceOf(KeyUnavailableException.class);
        encrypt(trent.kms(), healthy);
        // a fault names keys as requests do: an alias is another name
        encrypt(trent.kms(), "alias/faulty-" + faulty);

        faults().clear();
        faults().add(Fault.error(FaultError.KEY_UNAVAILABLE).onKeys("alias/faulty-" + faulty));
        assertThat(catchThrowable(() -> encrypt(trent.kms(), "alias/faulty-" + faulty)))
                .isInstanceOf(KeyUnavailableException.class);
        encrypt(trent.kms(), faulty);
    }

    @Test
    void aFaultOnOneAccountLeavesTheOthers() {
        faults().add(Fault.error(FaultError.THROTTLING).onAccounts(TrentServer.OTHER_ACCOUNT));
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            Throwable thrown = catchThrowable(other::listKeys);
            assertThat(thrown).isInstanceOf(KmsException.class);
            assertThat(((KmsException) thrown).awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        }
        assertThat(trent.kms().listKeys().sdkHttpResponse().isSuccessful()).isTrue();
    }

    @Test
    void aRateOfZeroNeverFiresAndOfOneAlwaysDoes() {
        faults().add(Fault.error(FaultError.THROTTLING).onOperations("GenerateRandom").withRate(0.0));
        for (int i = 0; i < 20; i++) {
            assertThat(trent.kms().generateRandom(b -> b.numberOfBytes(8)).plaintext().asByteArray()).hasSize(8);
        }
        faults().add(Fault.error(FaultError.THROTTLING).onOperations("GenerateRandom").withRate(1.0));
        for (int i = 0; i < 20; i++) {
            assertThat(catchThrowable(() -> trent.kms().generateRandom(b -> b.numberOfBytes(8))))
                    .isInstanceOf(KmsException.class);
        }
    }

    /** Whether each of {@code n} GenerateRandom calls was answered. */
    private static List<Boolean> outcomes(int n) {
        List<Boolean> answered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answered.add(catchThrowable(() -> trent.kms().generateRandom(b -> b.numberOfBytes(8))) == null);
        }
        return answered;
    }

    @Test
    void aSeededRateGivesTheSameFaultsEachRun() {
        Supplier<List<Boolean>> run = () -> {
            faults().clear();
            faults().seed(20261129);
            faults().add(Fault.error(FaultError.THROTTLING).onOperations("GenerateRandom").withRate(0.3));
            return outcomes(40);
        };
        List<Boolean> first = run.get();
        List<Boolean> second = run.get();

        assertThat(second).isEqualTo(first);
        java.util.Random independent = new java.util.Random(20261129);
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(!(independent.nextDouble() < 0.3));
        }
        assertThat(first).isEqualTo(expected).contains(true, false);
    }

    @Test
    void latencyIsAddedToTheRequestAsTheLogShows() {
        String keyId = TestKeys.newKeyId(trent.kms());
        faults().add(Fault.latency(Duration.ofMillis(400)).onOperations("DescribeKey"));

        String requestId = trent.kms().describeKey(b -> b.keyId(keyId)).responseMetadata().requestId();

        LoggedRequest logged = trent.trent().requests(RequestFilter.ALL.withOperation("DescribeKey")).get(0);
        assertThat(logged.requestId()).isEqualTo(requestId);
        assertThat(logged.result()).isEqualTo("ok");
        assertThat(logged.latencyMillis()).isGreaterThanOrEqualTo(400.0);
    }

    @Test
    void aClosedConnectionIsAClientErrorNotAnAwsError() {
        faults().add(Fault.closingConnection().onOperations("ListAliases"));
        try (KmsClient fresh = KmsClients.client(trent.endpoint(), TrentServer.ACCOUNT, TrentServer.REGION)) {
            Throwable thrown = catchThrowable(fresh::listAliases);

            assertThat(thrown).isInstanceOf(SdkClientException.class);
            assertThat(trent.trent().requests(RequestFilter.ALL.withOperation("ListAliases").withLimit(1)))
                    .singleElement().satisfies(r -> assertThat(r.result()).isEqualTo("ConnectionClosed"));
            faults().clear();
            assertThat(fresh.listAliases().sdkHttpResponse().isSuccessful()).isTrue();
        }
    }

    @Test
    void faultsAddedThroughTheHttpApiReachTheSdk() {
        ControlClient control = new ControlClient(trent.endpoint());
        ControlClient.Answer added = control.post("/_trent/faults", "{\"operations\":[\"GenerateRandom\"],"
                + "\"error\":\"DependencyTimeoutException\",\"rate\":1.0}");
        assertThat(added.status()).isEqualTo(200);
        String id = added.body().get("id").asText();

        assertThat(catchThrowable(() -> trent.kms().generateRandom(b -> b.numberOfBytes(8))))
                .isInstanceOf(DependencyTimeoutException.class);
        assertThat(faults().list()).extracting(Fault::id).containsExactly(id);

        assertThat(control.delete("/_trent/faults/" + id).status()).isEqualTo(200);
        assertThat(trent.kms().generateRandom(b -> b.numberOfBytes(8)).plaintext().asByteArray()).hasSize(8);
    }

    @Test
    void resetClearsTheFaults() {
        faults().add(Fault.error(FaultError.THROTTLING));
        trent.trent().reset();
        assertThat(faults().list()).isEmpty();
        assertThat(trent.kms().listKeys().sdkHttpResponse().isSuccessful()).isTrue();
    }
}
