package dev.trent.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.Trent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The extension as its users meet it: one Trent for the class, its values in fields and parameters. */
@WithTrent(account = WithTrentTest.ACCOUNT, region = "eu-central-1", imports = "classpath:dev/trent/junit/keys.json")
class WithTrentTest {
    static final String ACCOUNT = "111122223333";
    private static final String MAC_KEY = "0b6f4d3e-8c1a-4b7e-9f2d-5a6c7e8f9a0b";
    private static final byte[] MAC_MATERIAL =
            HexFormat.of().parseHex("6a1f0c3b9e2d4f5a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c");

    @FromTrent
    static URI endpoint;
    @FromTrent
    static Trent staticTrent;
    private static URI endpointInBeforeAll;

    @FromTrent
    KmsClient kms;
    @FromTrent
    Trent trent;
    @FromTrent(account = "444455556666", region = "eu-west-1")
    KmsClient elsewhere;
    private boolean fieldsSetBeforeEach;

    @BeforeAll
    static void beforeAll(URI parameter) {
        endpointInBeforeAll = parameter;
    }

    @BeforeEach
    void beforeEach() {
        fieldsSetBeforeEach = kms != null && trent != null && elsewhere != null;
    }

    @Test
    void theDefaultClientActsInTheDefaultAccountAndRegion() {
        KeyMetadata key = kms.createKey().keyMetadata();

        assertThat(key.arn()).startsWith("arn:aws:kms:eu-central-1:" + ACCOUNT + ":key/");
        assertThat(fieldsSetBeforeEach).isTrue();
    }

    @Test
    void importedKeysAreThereWithTheirMaterial() throws Exception {
        byte[] message = "message".getBytes();
        SdkBytes mac = kms.generateMac(r -> r.keyId("alias/junit-mac").macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .message(SdkBytes.fromByteArray(message))).mac();

        Mac expected = Mac.getInstance("HmacSHA256");
        expected.init(new SecretKeySpec(MAC_MATERIAL, "HmacSHA256"));
        assertThat(mac.asByteArray()).isEqualTo(expected.doFinal(message));
        assertThat(kms.describeKey(r -> r.keyId(MAC_KEY)).keyMetadata().arn())
                .isEqualTo("arn:aws:kms:eu-central-1:" + ACCOUNT + ":key/" + MAC_KEY);
    }

    @Test
    void aFieldChoosesAnotherAccountAndRegion() {
        KeyMetadata imported = elsewhere.describeKey(r -> r.keyId("alias/junit-elsewhere")).keyMetadata();

        assertThat(imported.arn()).startsWith("arn:aws:kms:eu-west-1:444455556666:key/");
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/junit-elsewhere")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aParameterChoosesAnotherAccountAndRegion(@FromTrent(region = "ap-south-1") KmsClient mumbai,
            @FromTrent(account = "444455556666") KmsClient otherAccount) {
        assertThat(mumbai.createKey().keyMetadata().arn()).startsWith("arn:aws:kms:ap-south-1:" + ACCOUNT + ":key/");
        assertThat(otherAccount.createKey().keyMetadata().arn())
                .startsWith("arn:aws:kms:eu-central-1:444455556666:key/");
    }

    @Test
    void theEndpointAndHandleAreThoseOfTheClassTrent(URI parameter, Trent handle, KmsClient client) {
        assertThat(parameter).isEqualTo(endpoint).isEqualTo(endpointInBeforeAll).isEqualTo(trent.endpoint());
        assertThat(handle).isSameAs(trent).isSameAs(staticTrent);
        assertThat(client).isSameAs(kms);
        assertThat(endpoint.getScheme()).isEqualTo("http");
        assertThat(endpoint.getPort()).isEqualTo(trent.port());
    }

    @Test
    void theHandleMovesTheClock() {
        String keyId = kms.createKey().keyMetadata().keyId();
        Instant deletion = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7)).deletionDate();

        trent.clock().advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(trent.clock().instant()).isAfter(deletion);
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(keyId))).isInstanceOf(NotFoundException.class);
    }

    /** A URI argument of a parameterized test stays the test's; the endpoint is the one marked @FromTrent. */
    @ParameterizedTest
    @ValueSource(strings = {"https://kms.eu-central-1.amazonaws.com", "http://localhost:4566"})
    void aParameterizedTestKeepsItsUriArguments(URI argument, @FromTrent URI trentEndpoint) {
        assertThat(argument.getPort()).isNotEqualTo(endpoint.getPort());
        assertThat(trentEndpoint).isEqualTo(endpoint);
    }

    /** A @Nested class with the same options shares the enclosing class's Trent. */
    @Nested
    class Inner {
        @FromTrent
        Trent innerTrent;

        @Test
        void sharesTheEnclosingTrent(KmsClient client) {
            assertThat(innerTrent).isSameAs(trent).isSameAs(staticTrent);
            assertThat(client).isSameAs(kms);
            assertThat(client.describeKey(r -> r.keyId(MAC_KEY)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        }
    }

    /** One instance for the class: its fields are set before its (non-static) @BeforeAll methods. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OneInstance {
        @FromTrent(account = "444455556666")
        KmsClient other;
        private String keyId;

        @BeforeAll
        void createKey() {
            keyId = other.createKey().keyMetadata().keyId();
        }

        @Test
        void fieldsAreSetForBeforeAll() {
            assertThat(other.describeKey(r -> r.keyId(keyId)).keyMetadata().arn())
                    .isEqualTo("arn:aws:kms:eu-central-1:444455556666:key/" + keyId);
        }
    }
}
