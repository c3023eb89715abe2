package dev.trent.cli;

import static dev.trent.support.TrentProcess.arg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TestBytes;
import dev.trent.support.TestCertificates;
import dev.trent.support.TlsClients;
import dev.trent.support.TrentProcess;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@code --tls}, {@code --tls-cert} and {@code --tls-key} on the command line; bad files stop the start with their reason. */
class TlsOptionsTest {
    @TempDir
    Path dir;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void tlsInAChildJvmWritesTheCertificateThatClientsTrust() throws Exception {
        Path out = dir.resolve("certs/trent-cert.pem");
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--tls", "--tls-cert-out", arg(out),
                "--tls-name", "trent.test")) {
            assertThat(trent.endpoint().getScheme()).isEqualTo("https");
            X509Certificate certificate = TlsClients.readCertificate(out);
            assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, "trent.test"));
            try (KmsClient kms = TlsClients.client(trent.endpoint(), "111122223333", certificate)) {
                byte[] plaintext = TestBytes.randomBytes(32);
                String keyId = kms.createKey(b -> { }).keyMetadata().keyId();
                SdkBytes ciphertext = kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext)))
                        .ciphertextBlob();
                assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asByteArray()).isEqualTo(plaintext);
            }
        }
    }

    private record PemPair(Path certificate, Path key) {
    }

    /** A self-signed certificate and its key as PEM files. */
    private PemPair certificateAndKey(String name) {
        KeyPair pair = TestCertificates.keyPair("EC");
        X509Certificate certificate = TestCertificates.ca(pair, name);
        return new PemPair(TestCertificates.write(dir.resolve(name + ".crt"), TestCertificates.pem(certificate)),
                TestCertificates.write(dir.resolve(name + ".key"), TestCertificates.pkcs8(pair.getPrivate())));
    }

    private void assertRefused(String message, String... args) {
        assertThat(run(args)).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("Trent cannot start: " + message + System.lineSeparator());
    }

    @Test
    void aMissingCertificateFile() {
        PemPair files = certificateAndKey("a");
        Path missing = dir.resolve("missing.pem");
        assertRefused("The certificate file " + missing + " does not exist",
                "--port", "0", "--tls-cert", missing.toString(), "--tls-key", files.key().toString());
    }

    @Test
    void aCertificateFileWithoutACertificate() throws Exception {
        PemPair files = certificateAndKey("a");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello\n");
        assertRefused("The certificate file " + notPem + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                "--port", "0", "--tls-cert", notPem.toString(), "--tls-key", files.key().toString());
    }

    @Test
    void aCertificateFileWithBrokenBase64() throws Exception {
        PemPair files = certificateAndKey("a");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        assertThat(run("--port", "0", "--tls-cert", broken.toString(), "--tls-key", files.key().toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: The certificate file " + broken)
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aKeyThatIsNotTheCertificates() {
        PemPair a = certificateAndKey("a");
        PemPair b = certificateAndKey("b");
        assertRefused("The key in " + b.key() + " is not the private key of the first certificate in " + a.certificate(),
                "--port", "0", "--tls-cert", a.certificate().toString(), "--tls-key", b.key().toString());
    }

    @Test
    void aKeyFileWithoutAKey() {
        PemPair a = certificateAndKey("a");
        assertRefused("The key file " + a.certificate() + " holds no PEM private key (-----BEGIN PRIVATE KEY-----, "
                        + "-----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)",
                "--port", "0", "--tls-cert", a.certificate().toString(), "--tls-key", a.certificate().toString());
    }

    @Test
    void anEncryptedKey() throws Exception {
        KeyPair pair = TestCertificates.keyPair("RSA");
        Path certificate = TestCertificates.write(dir.resolve("c.pem"), TestCertificates.pem(TestCertificates.ca(pair, "c")));
        StringWriter traditional = new StringWriter();
        StringWriter pkcs8 = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(traditional)) {
            writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(new BouncyCastleProvider()).build("pw".toCharArray()));
        }
        try (JcaPEMWriter writer = new JcaPEMWriter(pkcs8)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build()));
        }
        assertThat(traditional.toString()).contains("Proc-Type: 4,ENCRYPTED");
        assertThat(pkcs8.toString()).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        for (StringWriter pem : List.of(traditional, pkcs8)) {
            Path key = Files.writeString(dir.resolve("k.pem"), pem.toString());
            assertRefused("The key in " + key + " is encrypted; Trent takes an unencrypted key (openssl pkey -in " + key
                    + " -out key.pem)", "--port", "0", "--tls-cert", certificate.toString(), "--tls-key", key.toString());
        }
    }

    @Test
    void aNameThatNamesNoHost() {
        assertRefused("'not a name' is neither a host name nor an IP address: it cannot name the certificate's host",
                "--port", "0", "--tls", "--tls-cert-out", dir.resolve("c.pem").toString(), "--tls-name", "not a name");
    }

    @Test
    void aCertificateOutputThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path out = file.resolve("trent.pem");
        assertThat(run("--port", "0", "--tls", "--tls-cert-out", out.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("Trent cannot start: Cannot write the certificate to " + out + ": ")
                .hasLineCount(1);
    }

    @Test
    void optionsThatDoNotGoTogether() {
        PemPair a = certificateAndKey("a");
        assertThat(run("--tls-key", a.key().toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("--tls-cert and --tls-key go together: the certificate chain and its private key");

        assertThat(run("--tls", "--tls-cert", a.certificate().toString(), "--tls-key", a.key().toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("Give --tls (a self-signed certificate) or --tls-cert and --tls-key, not both");

        assertThat(run("--tls-cert-out", dir.resolve("x.pem").toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("--tls-cert-out and --tls-name apply to the self-signed certificate of --tls");
    }
}
