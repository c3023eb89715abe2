package dev.trent.http;

import static dev.trent.support.AwsErrors.assertAccessDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.support.KmsClients;
import dev.trent.support.TestBytes;
import dev.trent.support.TestCertificates;
import dev.trent.support.TlsClients;
import dev.trent.tls.TlsSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;

/** HTTPS: the AWS SDK for Java v2 over TLS to Trent, with a self-signed certificate or one from PEM files. */
class HttpsTest {
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dir;

    private Trent trent;

    @AfterEach
    void stop() {
        if (trent != null) {
            trent.close();
        }
    }

    private Trent start(Config config) {
        trent = new Trent(config.withPort(0)).start();
        return trent;
    }

    private static void encryptsAndDecrypts(KmsClient kms) {
        byte[] plaintext = TestBytes.randomBytes(100);
        String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asByteArray()).isEqualTo(plaintext);
    }

    @Test
    void anSdkClientTrustingTheSelfSignedCertificateEncryptsAndDecrypts() {
        Path written = dir.resolve("certs/trent.pem");
        start(Config.defaults().withTls(TlsSettings.selfSigned(written, List.of())));

        assertThat(trent.endpoint().getScheme()).isEqualTo("https");
        X509Certificate certificate = TlsClients.readCertificate(written);
        assertThat(certificate).isEqualTo(trent.tlsCertificate());
        try (KmsClient kms = TlsClients.client(trent.endpoint(), ACCOUNT, certificate)) {
            encryptsAndDecrypts(kms);
        }
        URI byName = URI.create("https://localhost:" + trent.port());
        try (KmsClient kms = TlsClients.client(byName, ACCOUNT, certificate)) {
            encryptsAndDecrypts(kms);
        }
    }

    @Test
    void theSelfSignedCertificateNamesLocalhostItsAddressesAndTheNamesAskedFor() throws Exception {
        Instant before = Instant.now();
        start(Config.defaults().withTls(TlsSettings.selfSigned(dir.resolve("c.pem"), List.of("trent.test", "192.0.2.7"))));
        X509Certificate certificate = TlsClients.readCertificate(dir.resolve("c.pem"));

        certificate.verify(certificate.getPublicKey()); // self-signed
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"),
                List.of(2, "trent.test"), List.of(7, "192.0.2.7"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(certificate.getNotBefore().toInstant()).isBefore(before);
        assertThat(certificate.getNotAfter().toInstant()).isAfter(before.plus(Duration.ofDays(300)));
    }

    @Test
    void eachStartMakesANewCertificateAndReplacesTheFile() {
        Path written = dir.resolve("trent.pem");
        start(Config.defaults().withTls(TlsSettings.selfSigned(written, List.of())));
        X509Certificate first = TlsClients.readCertificate(written);
        trent.close();

        start(Config.defaults().withTls(TlsSettings.selfSigned(written, List.of())));

        X509Certificate second = TlsClients.readCertificate(written);
        assertThat(second.getPublicKey()).isNotEqualTo(first.getPublicKey());
        try (KmsClient kms = TlsClients.client(trent.endpoint(), ACCOUNT, second)) {
            encryptsAndDecrypts(kms);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFails() {
        start(Config.defaults().withTls(TlsSettings.selfSigned(dir.resolve("trent.pem"), List.of())));
        X509Certificate another = TestCertificates.ca(TestCertificates.keyPair("EC"), "Someone else");

        for (KmsClient kms : List.of(KmsClients.client(trent.endpoint(), ACCOUNT, "us-east-1"), // the JDK's CAs
                TlsClients.client(trent.endpoint(), ACCOUNT, another))) {
            try (kms) {
                Throwable thrown = catchThrowable(() -> kms.listKeys());
                assertThat(thrown).isInstanceOf(SdkClientException.class)
                        .hasCauseInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("PKIX path building failed");
            }
        }
    }

    static Stream<Arguments> keyFiles() {
        Function<KeyPair, String> pkcs8 = pair -> TestCertificates.pkcs8(pair.getPrivate());
        Function<KeyPair, String> traditional = pair -> TestCertificates.traditional(pair.getPrivate());
        return Stream.of(
                Arguments.of("RSA", "PKCS#8", pkcs8),
                Arguments.of("RSA", "PKCS#1", traditional),
                Arguments.of("EC", "PKCS#8", pkcs8),
                Arguments.of("EC", "SEC 1", traditional));
    }

    @ParameterizedTest(name = "{0} key as {1}")
    @MethodSource("keyFiles")
    void aCertificateChainAndKeyFromPemFiles(String algorithm, String form, Function<KeyPair, String> keyPem) {
        KeyPair caKeys = TestCertificates.keyPair("EC");
        X509Certificate ca = TestCertificates.ca(caKeys, "Test CA");
        KeyPair serverKeys = TestCertificates.keyPair(algorithm);
        X509Certificate server = TestCertificates.server(serverKeys.getPublic(), ca, caKeys.getPrivate());
        Path chain = TestCertificates.write(dir.resolve("chain.pem"), TestCertificates.pem(server, ca));
        Path key = TestCertificates.write(dir.resolve("key.pem"), keyPem.apply(serverKeys));

        start(Config.defaults().withTls(TlsSettings.files(chain, key)));

        assertThat(keyPem.apply(serverKeys)).contains(switch (form) {
            case "PKCS#1" -> "-----BEGIN RSA PRIVATE KEY-----";
            case "SEC 1" -> "-----BEGIN EC PRIVATE KEY-----";
            default -> "-----BEGIN PRIVATE KEY-----";
        });
        assertThat(trent.tlsCertificate()).isEqualTo(server);
        try (KmsClient kms = TlsClients.client(trent.endpoint(), ACCOUNT, ca)) { // trusts the CA only
            encryptsAndDecrypts(kms);
        }
    }

    @Test
    void requestsOverTlsAreSecureTransportToPolicies() {
        start(Config.defaults().withEnforcePolicies(true)
                .withTls(TlsSettings.selfSigned(dir.resolve("trent.pem"), List.of())));
        try (KmsClient kms = TlsClients.client(trent.endpoint(), ACCOUNT, trent.tlsCertificate())) {
            String secureOnly = kms.createKey(b -> b.policy(policyDenyingEncryptWhen(false))).keyMetadata().arn();
            String insecureOnly = kms.createKey(b -> b.policy(policyDenyingEncryptWhen(true))).keyMetadata().arn();

            kms.encrypt(b -> b.keyId(secureOnly).plaintext(SdkBytes.fromUtf8String("x")));
            assertAccessDenied(() -> kms.encrypt(b -> b.keyId(insecureOnly).plaintext(SdkBytes.fromUtf8String("x"))),
                    "User: arn:aws:iam::" + ACCOUNT + ":root is not authorized to perform: kms:Encrypt on resource: "
                            + insecureOnly + " with an explicit deny in a resource-based policy");
        }
    }

    private static String policyDenyingEncryptWhen(boolean secureTransport) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:Encrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"" + secureTransport + "\"}}}]}";
    }

    @Test
    void plainHttpToTheHttpsPortIsToldSoAndHarmsNothing() throws Exception {
        start(Config.defaults().withTls(TlsSettings.selfSigned(dir.resolve("trent.pem"), List.of())));

        try (Socket socket = new Socket("127.0.0.1", trent.port())) {
            socket.getOutputStream().write(RawHttp.request("ListKeys", "{}"));
            InputStream in = socket.getInputStream();
            RawHttp.Answer answer = RawHttp.readAnswer(in);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo(
                    "{\"message\":\"This port speaks HTTPS: send the request to https:// instead of http://\"}");
            assertThat(RawHttp.closedWithin(socket, Duration.ofSeconds(10))).isTrue();
        }
        try (Socket socket = new Socket("127.0.0.1", trent.port())) { // neither HTTP nor TLS
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
            out.write("more".getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.closedWithin(socket, Duration.ofSeconds(10))).isTrue();
        }
        try (Socket socket = new Socket("127.0.0.1", trent.port())) { // a TLS record header, then nonsense
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 9, 9, 9, 9, 9});
            assertThat(RawHttp.closedWithin(socket, Duration.ofSeconds(15))).isTrue();
        }
        try (KmsClient kms = TlsClients.client(trent.endpoint(), ACCOUNT, trent.tlsCertificate())) {
            encryptsAndDecrypts(kms);
        }
    }
}
