package dev.trent.control;

import static dev.trent.support.ControlClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.kms.Scope;
import dev.trent.support.ControlClient;
import dev.trent.support.ControlClient.Answer;
import dev.trent.support.ExternalMaterial;
import dev.trent.support.TestBytes;
import dev.trent.support.TestKeys;
import dev.trent.support.TrentServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.ExpiredImportTokenException;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;

/** The test-control API over HTTP (java.net.http), with KMS itself seen through the AWS SDK. */
class ControlApiTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private ControlClient control;

    @BeforeEach
    void reset() {
        control = new ControlClient(trent.endpoint());
        Answer reset = control.post("/_trent/reset");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body().get("reset").asText()).isEqualTo("all");
    }

    private static List<String> keyIds(KmsClient kms) {
        return kms.listKeysPaginator().keys().stream().map(KeyListEntry::keyId).toList();
    }

    @Test
    void healthAnswersWithTheVersion() {
        Answer health = control.get("/_trent/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).isEqualTo("application/json");
        assertThat(health.body().get("status").asText()).isEqualTo("ok");
        assertThat(health.body().get("version").asText()).isNotBlank();
    }

    @Test
    void unknownPathsAndMethodsGetAMessage() {
        Answer unknown = control.get("/_trent/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("Trent has no endpoint /_trent/nothing-here.");

        Answer wrongMethod = control.delete("/_trent/clock");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.message()).isEqualTo("Method not allowed");
    }

    @Test
    void theClockIsReadAdvancedAndSet() {
        Answer before = control.get("/_trent/clock");
        assertThat(before.body().get("offsetSeconds").asLong()).isZero();
        Instant now = Instant.parse(before.body().get("now").asText());
        assertThat(Duration.between(now, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        Answer advanced = control.post("/_trent/clock", "{\"advanceSeconds\":86400}");
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.body().get("offsetSeconds").asLong()).isEqualTo(86400);
        assertThat(Instant.parse(advanced.body().get("now").asText())).isAfter(now.plus(Duration.ofHours(23)));
        assertThat(trent.trent().clock().instant()).isAfter(now.plus(Duration.ofHours(23)));

        Answer set = control.post("/_trent/clock", "{\"set\":\"2030-01-01T00:00:00Z\"}");
        assertThat(set.status()).isEqualTo(200);
        Instant setTo = Instant.parse(set.body().get("now").asText());
        assertThat(Duration.between(Instant.parse("2030-01-01T00:00:00Z"), setTo)).isBetween(Duration.ZERO,
                Duration.ofMinutes(1));
        // KMS's own dates follow: a key created now is created in 2030
        assertThat(TestKeys.newKey(trent.kms()).creationDate()).isAfter(Instant.parse("2029-12-31T23:59:00Z"));

        assertThat(control.get("/_trent/clock").body().get("offsetSeconds").asLong())
                .isCloseTo(Duration.between(Instant.now(), Instant.parse("2030-01-01T00:00:00Z")).getSeconds(),
                        org.assertj.core.data.Offset.offset(60L));
    }

    @Test
    void badClockMovesAreRefused() {
        for (String body : List.of("{}", "{\"advanceSeconds\":\"soon\"}", "{\"set\":\"tomorrow\"}",
                "{\"advanceSeconds\":1,\"set\":\"2030-01-01T00:00:00Z\"}", "{\"later\":1}", "not json")) {
            Answer answer = control.post("/_trent/clock", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.message()).as(body).isNotBlank();
        }
        assertThat(control.get("/_trent/clock").body().get("offsetSeconds").asLong()).isZero();
    }

    @Test
    void movingTheClockCompletesAScheduledDeletionAtOnce() {
        String keyId = TestKeys.newKeyId(trent.kms());
        trent.kms().scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        Scope scope = new Scope(TrentServer.ACCOUNT, TrentServer.REGION);

        control.post("/_trent/clock", json(Map.of("advanceSeconds", Duration.ofDays(7).minusMinutes(1).toSeconds())));
        assertThat(trent.trent().store().key(scope, keyId)).isPresent();

        control.post("/_trent/clock", json(Map.of("advanceSeconds", 120)));
        // gone before any KMS request came
        assertThat(trent.trent().store().key(scope, keyId)).isEmpty();
        assertThat(catchThrowable(() -> trent.kms().describeKey(b -> b.keyId(keyId))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void settingTheClockRotatesKeysAndExpiresImportedMaterial() throws Exception {
        String rotating = TestKeys.newKeyId(trent.kms());
        trent.kms().enableKeyRotation(b -> b.keyId(rotating).rotationPeriodInDays(90));
        String external = trent.kms().createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        Instant now = trent.trent().clock().instant();
        ExternalMaterial.importMaterial(trent.kms(), external, TestBytes.randomBytes(32),
                now.plus(Duration.ofDays(30)));
        Scope scope = new Scope(TrentServer.ACCOUNT, TrentServer.REGION);

        control.post("/_trent/clock", json(Map.of("set", now.plus(Duration.ofDays(91)).toString())));

        assertThat(trent.trent().store().key(scope, rotating).orElseThrow().materials()).hasSize(2);
        assertThat(trent.kms().listKeyRotations(b -> b.keyId(rotating)).rotations()).hasSize(1);
        assertThat(trent.kms().describeKey(b -> b.keyId(external)).keyMetadata().keyState())
                .isEqualTo(KeyState.PENDING_IMPORT);
    }

    @Test
    void anImportTokenExpiresWhenTheClockPassesIt() throws Exception {
        String keyId = trent.kms().createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        GetParametersForImportResponse parameters = ExternalMaterial.parameters(trent.kms(), keyId);
        assertThat(Duration.between(trent.trent().clock().instant(), parameters.parametersValidTo()))
                .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24));
        byte[] wrapped = ExternalMaterial.wrap(parameters.publicKey().asByteArray(), TestBytes.randomBytes(32));

        control.post("/_trent/clock", json(Map.of("advanceSeconds", Duration.ofHours(24).toSeconds() + 1)));

        Throwable thrown = catchThrowable(() -> trent.kms().importKeyMaterial(b -> b.keyId(keyId)
                .importToken(parameters.importToken()).encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));
        assertThat(thrown).isInstanceOf(ExpiredImportTokenException.class);
        assertThat(((ExpiredImportTokenException) thrown).statusCode()).isEqualTo(400);
    }

    @Test
    void resetForgetsEverythingAndPutsTheClockBack() {
        String keyId = TestKeys.newKeyId(trent.kms());
        trent.kms().createAlias(b -> b.aliasName("alias/reset-me").targetKeyId(keyId));
        trent.kms().createGrant(b -> b.keyId(keyId).granteePrincipal("arn:aws:iam::111122223333:role/app")
                .operations(List.of(software.amazon.awssdk.services.kms.model.GrantOperation.ENCRYPT)));
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.OTHER_REGION)) {
            TestKeys.newKeyId(other);
            control.post("/_trent/clock", "{\"advanceSeconds\":3600}");

            Answer reset = control.post("/_trent/reset", "{}");

            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.body().get("reset").asText()).isEqualTo("all");
            assertThat(control.get("/_trent/requests").body().get("requests")).isEmpty();
            assertThat(keyIds(trent.kms())).isEmpty();
            assertThat(keyIds(other)).isEmpty();
            assertThat(trent.kms().listAliases().aliases()).noneMatch(a -> a.aliasName().equals("alias/reset-me"));
            assertThat(control.get("/_trent/clock").body().get("offsetSeconds").asLong()).isZero();
            // the same key id is unknown now, as on a fresh Trent
            assertThat(catchThrowable(() -> trent.kms().describeKey(b -> b.keyId(keyId))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void resetOfOneAccountAndRegionLeavesTheOthers() {
        String reset = TestKeys.newKeyId(trent.kms());
        trent.kms().createAlias(b -> b.aliasName("alias/gone").targetKeyId(reset));
        try (KmsClient otherAccount = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION);
                KmsClient otherRegion = trent.client(TrentServer.ACCOUNT, TrentServer.OTHER_REGION)) {
            String keptAccount = TestKeys.newKeyId(otherAccount);
            String keptRegion = TestKeys.newKeyId(otherRegion);
            control.post("/_trent/clock", "{\"advanceSeconds\":60}");

            Answer answer = control.post("/_trent/reset",
                    json(Map.of("account", TrentServer.ACCOUNT, "region", TrentServer.REGION)));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("reset").asText()).isEqualTo("account-region");
            JsonNode logged = control.get("/_trent/requests").body().get("requests");
            assertThat(keyIds(trent.kms())).isEmpty();
            assertThat(trent.kms().listAliases().aliases()).noneMatch(a -> a.aliasName().equals("alias/gone"));
            assertThat(keyIds(otherAccount)).containsExactly(keptAccount);
            assertThat(keyIds(otherRegion)).containsExactly(keptRegion);
            assertThat(control.get("/_trent/clock").body().get("offsetSeconds").asLong()).isEqualTo(60);
            assertThat(StreamSupport.stream(logged.spliterator(), false))
                    .noneMatch(r -> r.get("account").asText().equals(TrentServer.ACCOUNT)
                            && r.get("region").asText().equals(TrentServer.REGION))
                    .anyMatch(r -> r.get("account").asText().equals(TrentServer.OTHER_ACCOUNT));
        }
    }

    @Test
    void badResetsAreRefusedAndChangeNothing() {
        String keyId = TestKeys.newKeyId(trent.kms());
        for (String body : List.of("{\"account\":\"111122223333\"}", "{\"region\":\"us-east-1\"}",
                "{\"account\":\"12345\",\"region\":\"us-east-1\"}", "{\"everything\":true}", "[1]", "{")) {
            Answer answer = control.post("/_trent/reset", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.message()).as(body).isNotBlank();
        }
        assertThat(keyIds(trent.kms())).containsExactly(keyId);
    }

    @Test
    void faultsAreAddedListedAndRemoved() {
        Answer added = control.post("/_trent/faults", "{\"operations\":[\"Encrypt\"],\"keyIds\":[],\"accounts\":[],"
                + "\"error\":\"ThrottlingException\",\"rate\":0.5,\"latencyMillis\":0,\"closeConnection\":false}");
        assertThat(added.status()).isEqualTo(200);
        String id = added.body().get("id").asText();
        assertThat(added.body().get("error").asText()).isEqualTo("ThrottlingException");
        assertThat(added.body().get("rate").asDouble()).isEqualTo(0.5);
        Answer latency = control.post("/_trent/faults", "{\"latencyMillis\":25,\"accounts\":[\"444455556666\"]}");
        assertThat(latency.status()).isEqualTo(200);
        assertThat(latency.body().get("error").isNull()).isTrue();
        assertThat(latency.body().get("rate").asDouble()).isEqualTo(1.0);

        JsonNode listed = control.get("/_trent/faults").body().get("faults");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("operations").get(0).asText()).isEqualTo("Encrypt");
        assertThat(listed.get(1).get("accounts").get(0).asText()).isEqualTo("444455556666");

        assertThat(control.delete("/_trent/faults/" + id).body().get("faults")).hasSize(1);
        assertThat(control.delete("/_trent/faults/" + id).status()).isEqualTo(404);
        assertThat(control.delete("/_trent/faults").body().get("faults")).isEmpty();
        assertThat(trent.trent().faults().list()).isEmpty();
    }

    @Test
    void badFaultsAreRefused() {
        for (String body : List.of("{\"error\":\"AccessDeniedException\"}", "{\"error\":\"ThrottlingException\","
                + "\"rate\":1.5}", "{\"operations\":[\"Explode\"],\"error\":\"ThrottlingException\"}",
                "{\"accounts\":[\"12\"],\"error\":\"ThrottlingException\"}", "{\"rate\":1}",
                "{\"error\":\"ThrottlingException\",\"closeConnection\":true}", "{\"latencyMillis\":-1}",
                "{\"id\":\"f9\",\"error\":\"ThrottlingException\"}", "{\"error\":\"ThrottlingException\","
                        + "\"operation\":\"Encrypt\"}", "{\"operations\":\"Encrypt\",\"latencyMillis\":1}")) {
            Answer answer = control.post("/_trent/faults", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.message()).as(body).isNotBlank();
        }
        assertThat(control.get("/_trent/faults").body().get("faults")).isEmpty();
    }

    @Test
    void theRequestLogNamesEachRequestNewestFirstAndFilters() {
        String keyId = TestKeys.newKeyId(trent.kms());
        String encryptId = trent.kms().encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x")))
                .responseMetadata().requestId();
        assertThat(catchThrowable(() -> trent.kms().decrypt(b -> b.keyId(keyId)
                .ciphertextBlob(SdkBytes.fromByteArray(TestBytes.randomBytes(64))))))
                .isInstanceOf(InvalidCiphertextException.class);
        trent.kms().generateRandom(b -> b.numberOfBytes(4));

        JsonNode all = control.get("/_trent/requests").body().get("requests");
        assertThat(StreamSupport.stream(all.spliterator(), false).map(r -> r.get("operation").asText()))
                .containsExactly("GenerateRandom", "Decrypt", "Encrypt", "CreateKey");

        JsonNode encrypt = control.get("/_trent/requests?operation=Encrypt").body().get("requests");
        assertThat(encrypt).hasSize(1);
        JsonNode logged = encrypt.get(0);
        assertThat(logged.get("keyId").asText()).isEqualTo(TestKeys.keyArn(keyId));
        assertThat(logged.get("account").asText()).isEqualTo(TrentServer.ACCOUNT);
        assertThat(logged.get("region").asText()).isEqualTo(TrentServer.REGION);
        assertThat(logged.get("principal").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(logged.get("result").asText()).isEqualTo("ok");
        assertThat(logged.get("requestId").asText()).isEqualTo(encryptId);
        assertThat(logged.get("latencyMillis").asDouble()).isPositive();
        assertThat(Instant.parse(logged.get("time").asText())).isCloseTo(trent.trent().clock().instant(),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));

        JsonNode errors = control.get("/_trent/requests?result=error").body().get("requests");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("result").asText()).isEqualTo("InvalidCiphertextException");
        // a request that failed names its key as it was given
        assertThat(errors.get(0).get("keyId").asText()).isEqualTo(keyId);
        assertThat(control.get("/_trent/requests?result=InvalidCiphertextException").body().get("requests"))
                .hasSize(1);

        JsonNode byKey = control.get("/_trent/requests?keyId=" + keyId).body().get("requests");
        assertThat(StreamSupport.stream(byKey.spliterator(), false).map(r -> r.get("operation").asText()))
                .containsExactly("Decrypt", "Encrypt", "CreateKey");
        assertThat(control.get("/_trent/requests?limit=2").body().get("requests")).hasSize(2);
        assertThat(control.get("/_trent/requests?account=444455556666").body().get("requests")).isEmpty();
        assertThat(control.get("/_trent/requests?limit=0").status()).isEqualTo(400);
        assertThat(control.get("/_trent/requests?limit=many").status()).isEqualTo(400);
    }

    @Test
    void theRequestLogAlsoNamesRequestsThatFailedBeforeTheirKey() throws Exception {
        java.net.http.HttpResponse<String> unknown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(trent.endpoint().resolve("/"))
                        .header("X-Amz-Target", "TrentService.Explode")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);

        JsonNode logged = control.get("/_trent/requests?limit=1").body().get("requests").get(0);
        assertThat(logged.get("result").asText()).isEqualTo("UnknownOperationException");
        assertThat(logged.get("operation").isNull()).isTrue();
        assertThat(logged.get("requestId").asText()).isEqualTo(unknown.headers().firstValue("x-amzn-RequestId")
                .orElseThrow());
    }
}
