package dev.trent.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ExternalMaterial;
import dev.trent.support.TrentServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The error fidelity report: every KMS error recorded against real AWS in LocalStack's
 * AWS-validated snapshots ({@code aws-recorded-errors.tsv}) sent to a real Trent through the AWS
 * SDK for Java v2, AWS's and Trent's error type and message side by side, written to
 * {@code docs/conformance.md}. Messages are compared with generated parts (key ids, ARNs,
 * account, regions) replaced by the snapshots' placeholders. The test fails when a row does not
 * match, unless {@code conformance-notes.tsv} explains why it cannot; and when an explained row
 * matches after all (the note is stale).
 */
class ErrorConformanceTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String SECONDARY_REGION = "ap-southeast-1";
    private static final String UNUSED_KEY_ID = "134f2428-cec1-4b25-a1ae-9048164dba47";
    private static final Pattern KEY_ID = Pattern.compile(
            "mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ANY_KEY_ARN = Pattern.compile(
            "arn:<partition>:kms:[^:' ]+:111111111111:key/<key-id:1>");
    private static final Pattern ARN_IN_REGION = Pattern.compile(
            "arn:<partition>:kms:<region>:111111111111:key/<key-id:1>");

    /** One recorded error: the facts from the data file. */
    record Recorded(String snapshot, String operation, String request, String awsType, String awsMessage) {
    }

    /** What Trent answered: its error type and message, or that it succeeded. */
    record Answer(String type, String message) {
        static final Answer SUCCEEDED = new Answer("(no error)", "");
    }

    /** A request that should fail as AWS's did. */
    @FunctionalInterface
    interface Scenario {
        void run(KmsClient kms) throws Exception;
    }

    private final KmsClient kms = trent.kms();
    private final KmsClient secondary = trent.client(TrentServer.ACCOUNT, SECONDARY_REGION);

    @Test
    void everyErrorAwsWasRecordedReturningIsTrentsToo() throws Exception {
        List<Recorded> recorded = recorded();
        Map<String, String> notes = notes();
        Map<String, Scenario> scenarios = scenarios();
        assertThat(scenarios.keySet()).as("a request for every recorded error")
                .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Recorded::snapshot).toList());
        assertThat(recorded.stream().map(Recorded::snapshot).toList()).as("notes name recorded rows")
                .containsAll(notes.keySet());

        StringBuilder table = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int matching = 0;
        for (Recorded row : recorded) {
            Answer answer = answer(scenarios.get(row.snapshot()));
            boolean match = row.awsType().equals(answer.type()) && sameMessage(row.awsMessage(), answer.message());
            String note = notes.getOrDefault(row.snapshot(), "");
            if (match) {
                matching++;
                if (!note.isEmpty()) {
                    failures.add(row.snapshot() + ": matches now; drop its note");
                }
            } else if (note.isEmpty()) {
                failures.add(row.snapshot() + ": AWS " + row.awsType() + " '" + row.awsMessage() + "', Trent "
                        + answer.type() + " '" + answer.message() + "'");
            }
            table.append("| ").append(cell(row.snapshot())).append(" | ").append(row.operation()).append(" | ")
                    .append(cell(row.request())).append(" | ").append(row.awsType()).append(" | ")
                    .append(cell(row.awsMessage())).append(" | ").append(answer.type()).append(" | ")
                    .append(cell(normalize(answer.message()))).append(" | ").append(match ? "yes" : "**no**")
                    .append(" | ").append(note.replace("|", "\\|")).append(" |\n");
        }
        write(recorded.size(), matching, table);
        assertThat(failures).as("rows whose answer differs from AWS's without a note").isEmpty();
    }

    private Answer answer(Scenario scenario) throws Exception {
        try {
            scenario.run(kms);
            return Answer.SUCCEEDED;
        } catch (AwsServiceException e) {
            String message = e.awsErrorDetails().errorMessage();
            return new Answer(e.awsErrorDetails().errorCode(), message == null ? "" : message);
        }
    }

    /**
     * Equal once normalized. LocalStack's {@code <mrk-key-arn>} placeholder hides the ARN's
     * region, so there any key ARN of the account stands for it.
     */
    static boolean sameMessage(String aws, String trent) {
        String a = normalize(aws);
        String t = normalize(trent);
        if (aws.contains("<mrk-key-arn>")) {
            t = ANY_KEY_ARN.matcher(t).replaceAll("<key-arn>");
        }
        return a.equals(t);
    }

    /**
     * Generated parts in the snapshots' placeholders, on both sides: key ids, ARNs, the account,
     * the regions.
     */
    static String normalize(String message) {
        String m = message.replace(TrentServer.ACCOUNT, "111111111111")
                .replace("arn:aws:", "arn:<partition>:")
                .replace(":" + TrentServer.REGION + ":", ":<region>:")
                .replace(SECONDARY_REGION, "<secondary-region>");
        m = KEY_ID.matcher(m).replaceAll("<key-id:1>");
        m = ARN_IN_REGION.matcher(m).replaceAll("<key-arn>");
        return m.replace("<mrk-key-arn>", "<key-arn>");
    }

    private static String cell(String text) {
        String escaped = text.replace("|", "\\|");
        return escaped.isEmpty() ? "(none)" : escaped.length() > 160
                ? escaped.substring(0, 70) + " … " + escaped.substring(escaped.length() - 80) : escaped;
    }

    private static void write(int rows, int matching, StringBuilder table) throws IOException {
        String text = "# Error fidelity: Trent against errors recorded on AWS\n\n"
                + "Generated by `ErrorConformanceTest` (`mvn -B -o test -Dtest=ErrorConformanceTest`), which rewrites "
                + "this file on every run and fails if a row does not match AWS without an explanation.\n\n"
                + "Every KMS error recorded against real AWS in LocalStack's AWS-validated snapshots "
                + "(`tests/aws/services/kms/test_kms.snapshot.json` of localstack/localstack and its newer copy in "
                + "sannya-singal/localstack, commit faa4b27a41a5d9dd14de0542191d972dad3f7556, recorded 2023 to "
                + "2025), kept as facts in "
                + "`src/test/resources/dev/trent/conformance/aws-recorded-errors.tsv`, is sent to a real Trent "
                + "through the AWS SDK for Java v2 (each request rebuilt from the snapshot's test and step "
                + "names). Messages are compared with generated parts (key ids, ARNs, "
                + "account id, Regions) replaced by the snapshots' placeholders; `(none)` is an error without a "
                + "message, as AWS sends `InvalidCiphertextException`, `KMSInvalidSignatureException` and "
                + "`KMSInvalidMacException`. Every recorded error had HTTP status 400.\n\n"
                + "**" + rows + " recorded errors, " + matching + " match.**\n\n"
                + "| Snapshot | Operation | Request | AWS type | AWS message | Trent type | Trent message | Match "
                + "| Notes |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + table;
        Path docs = Paths.get(System.getProperty("basedir", ".")).resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("conformance.md"), text, StandardCharsets.UTF_8);
    }

    private static List<Recorded> recorded() {
        List<Recorded> rows = new ArrayList<>();
        for (String[] cells : tsv("aws-recorded-errors.tsv", 5)) {
            rows.add(new Recorded(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }
        return rows;
    }

    private static Map<String, String> notes() {
        Map<String, String> notes = new HashMap<>();
        for (String[] cells : tsv("conformance-notes.tsv", 2)) {
            notes.put(cells[0], cells[1]);
        }
        return notes;
    }

    /** A data file's rows after its header line, without its # comments. */
    private static List<String[]> tsv(String name, int columns) {
        try (InputStream in = Objects.requireNonNull(ErrorConformanceTest.class.getResourceAsStream(name), name);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            boolean header = true;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertThat(cells).as(name + ": " + line).hasSize(columns);
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the requests, keyed by snapshot ----

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        String random = "TestKMS::test_generate_random_invalid_number_of_bytes";
        s.put(random + "[None]::generate-random-exc", kms -> kms.generateRandom(b -> { }));
        s.put(random + "[0]::generate-random-exc", kms -> kms.generateRandom(b -> b.numberOfBytes(0)));
        s.put(random + "[1025]::generate-random-exc", kms -> kms.generateRandom(b -> b.numberOfBytes(1025)));
        int[][] limits = {{2048, 1, 214}, {2048, 256, 190}, {3072, 1, 342}, {3072, 256, 318}, {4096, 1, 470},
                {4096, 256, 446}};
        for (int[] limit : limits) {
            String spec = "RSA_" + limit[0];
            String algorithm = "RSAES_OAEP_SHA_" + limit[1];
            s.put("TestKMS::test_encrypt_validate_plaintext_size_per_key_type[" + spec + "-" + algorithm
                    + "]::generate-random-exc", kms -> {
                        String key = key(kms, spec, "ENCRYPT_DECRYPT");
                        kms.encrypt(b -> b.keyId(key).encryptionAlgorithm(algorithm)
                                .plaintext(bytes(limit[2] + 1)));
                    });
        }
        s.put("TestKMS::test_get_key_in_different_region::describe-key-diff-region-with-id", kms -> {
            String key = secondary.createKey(b -> { }).keyMetadata().keyId();
            kms.describeKey(b -> b.keyId(key));
        });
        s.put("TestKMS::test_get_key_in_different_region::describe-key-diff-region-with-arn", kms -> {
            String arn = secondary.createKey(b -> { }).keyMetadata().arn();
            kms.describeKey(b -> b.keyId(arn));
        });
        String missing = "TestKMS::test_get_key_does_not_exist::";
        s.put(missing + "describe-nonexistent-key-with-id", kms -> kms.describeKey(b -> b.keyId(UNUSED_KEY_ID)));
        s.put(missing + "describe-nonexistent-with-arn", kms -> kms.describeKey(b -> b.keyId(
                "arn:aws:kms:" + TrentServer.REGION + ":" + TrentServer.ACCOUNT + ":key/" + UNUSED_KEY_ID)));
        s.put(missing + "describe-key-with-valid-id-mrk",
                kms -> kms.describeKey(b -> b.keyId("mrk-d3b95762d3b95762d3b95762d3b95762")));
        String invalid = "TestKMS::test_get_key_invalid_uuid::";
        s.put(invalid + "describe-key-with-invalid-uuid", kms -> kms.describeKey(b -> b.keyId("fake-key-id")));
        s.put(invalid + "describe-key-with-invalid-uuid-2",
                kms -> kms.describeKey(b -> b.keyId("134f2428cec14b25a1ae9048164dba47")));
        s.put(invalid + "describe-key-with-invalid-uuid-mrk", kms -> kms.describeKey(b -> b.keyId("mrk-fake-key-id")));
        s.put("TestKMS::test_replicate_key::describe-key-from-different-region", kms -> {
            String key = kms.createKey(b -> b.multiRegion(true)).keyMetadata().keyId();
            secondary.describeKey(b -> b.keyId(key));
        });
        s.put("TestKMS::test_create_alias::create_alias", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.createAlias(b -> b.aliasName("no-prefix-" + System.nanoTime()).targetKeyId(key));
        });
        String[][] signing = {{"RSA_2048", "RSASSA_PSS_SHA_256"}, {"RSA_2048", "RSASSA_PSS_SHA_384"},
                {"RSA_2048", "RSASSA_PSS_SHA_512"}, {"RSA_4096", "RSASSA_PKCS1_V1_5_SHA_256"},
                {"RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512"}, {"ECC_NIST_P256", "ECDSA_SHA_256"},
                {"ECC_SECG_P256K1", "ECDSA_SHA_256"}, {"ECC_NIST_P384", "ECDSA_SHA_384"}};
        for (String[] pair : signing) {
            String prefix = "TestKMS::test_sign_verify[" + pair[0] + "-" + pair[1] + "]::";
            s.put(prefix + "bad-digest", kms -> {
                String key = key(kms, pair[0], "SIGN_VERIFY");
                kms.sign(b -> b.keyId(key).signingAlgorithm(pair[1]).messageType(MessageType.DIGEST)
                        .message(SdkBytes.fromUtf8String("a digest of no algorithm's length")));
            });
            s.put(prefix + "bad-signature", kms -> {
                String key = key(kms, pair[0], "SIGN_VERIFY");
                SdkBytes signature = kms.sign(b -> b.keyId(key).signingAlgorithm(pair[1])
                        .message(SdkBytes.fromUtf8String("one message"))).signature();
                kms.verify(b -> b.keyId(key).signingAlgorithm(pair[1]).signature(signature)
                        .message(SdkBytes.fromUtf8String("another message")));
            });
        }
        String hmac = "TestKMS::test_hmac_create_key_invalid_operations::";
        s.put(hmac + "create-hmac-key-without-key-usage", kms -> kms.createKey(b -> b.keySpec("HMAC_256")));
        s.put(hmac + "create-hmac-key-invalid-spec",
                kms -> kms.createKey(b -> b.keySpec("HMAC_random").keyUsage("GENERATE_VERIFY_MAC")));
        s.put(hmac + "create-hmac-key-invalid-key-usage",
                kms -> kms.createKey(b -> b.keySpec("HMAC_256").keyUsage("RANDOM")));
        for (int bits : new int[] {224, 256, 384, 512}) {
            String prefix = "TestKMS::test_generate_and_verify_mac[HMAC_" + bits + "-HMAC_SHA_" + bits + "]::";
            s.put(prefix + "generate-mac-invalid-key-id", kms -> kms.generateMac(b -> b.keyId("key_id")
                    .macAlgorithm("HMAC_SHA_" + bits).message(SdkBytes.fromUtf8String("some important message"))));
            s.put(prefix + "verify-mac-invalid-key-id", kms -> kms.verifyMac(b -> b.keyId("key_id")
                    .macAlgorithm("HMAC_SHA_" + bits).message(SdkBytes.fromUtf8String("some important message"))
                    .mac(bytes(bits / 8))));
        }
        s.put("TestKMS::test_invalid_generate_mac[HMAC_224-HMAC_SHA_256]::generate-mac", kms -> {
            String key = key(kms, "HMAC_224", "GENERATE_VERIFY_MAC");
            kms.generateMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_256").message(SdkBytes.fromUtf8String("m")));
        });
        s.put("TestKMS::test_invalid_generate_mac[HMAC_256-INVALID]::generate-mac", kms -> {
            String key = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            kms.generateMac(b -> b.keyId(key).macAlgorithm("INVALID").message(SdkBytes.fromUtf8String("m")));
        });
        String verifyMac = "TestKMS::test_invalid_verify_mac[HMAC_256-";
        s.put(verifyMac + "HMAC_SHA_256-some different important message]::verify-mac", kms -> {
            String key = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            SdkBytes mac = kms.generateMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_256")
                    .message(SdkBytes.fromUtf8String("some important message"))).mac();
            kms.verifyMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_256").mac(mac)
                    .message(SdkBytes.fromUtf8String("some different important message")));
        });
        s.put(verifyMac + "HMAC_SHA_512-some important message]::verify-mac", kms -> {
            String key = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            SdkBytes mac = kms.generateMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_256")
                    .message(SdkBytes.fromUtf8String("some important message"))).mac();
            kms.verifyMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_512").mac(mac)
                    .message(SdkBytes.fromUtf8String("some important message")));
        });
        s.put(verifyMac + "INVALID-some important message]::verify-mac", kms -> {
            String key = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            kms.verifyMac(b -> b.keyId(key).macAlgorithm("INVALID").mac(bytes(32))
                    .message(SdkBytes.fromUtf8String("some important message")));
        });
        String imported = "TestKMS::test_import_key_symmetric::";
        s.put(imported + "encrypt-before-import-error", kms -> {
            String key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
            kms.encrypt(b -> b.keyId(key).plaintext(bytes(16)));
        });
        s.put(imported + "import-expiring-key-without-valid-to", kms -> {
            String key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
            GetParametersForImportResponse parameters = ExternalMaterial.parameters(kms, key);
            byte[] wrapped = ExternalMaterial.wrap(parameters.publicKey().asByteArray(), bytes(32).asByteArray());
            kms.importKeyMaterial(b -> b.keyId(key).importToken(parameters.importToken())
                    .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                    .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES));
        });
        s.put(imported + "encrypt-after-delete-error", kms -> {
            String key = externalWithMaterial(kms);
            kms.deleteImportedKeyMaterial(b -> b.keyId(key));
            kms.encrypt(b -> b.keyId(key).plaintext(bytes(16)));
        });
        String usage = "TestKMS::test_error_messaging_for_invalid_keys::";
        s.put(usage + "generate-mac-invalid-key-id", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.generateMac(b -> b.keyId(key).macAlgorithm("HMAC_SHA_256").message(SdkBytes.fromUtf8String("m")));
        });
        s.put(usage + "sign-invalid-key-id", kms -> {
            String key = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            kms.sign(b -> b.keyId(key).signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromUtf8String("m")));
        });
        s.put(usage + "verify-invalid-key-id", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.verify(b -> b.keyId(key).signingAlgorithm("ECDSA_SHA_256").message(SdkBytes.fromUtf8String("m"))
                    .signature(bytes(64)));
        });
        s.put(usage + "encrypt-invalid-key-id", kms -> {
            String key = key(kms, "RSA_2048", "SIGN_VERIFY");
            kms.encrypt(b -> b.keyId(key).plaintext(bytes(16)));
        });
        s.put(usage + "decrypt-invalid-key-id", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            String other = key(kms, "HMAC_256", "GENERATE_VERIFY_MAC");
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes(16))).ciphertextBlob();
            kms.decrypt(b -> b.keyId(other).ciphertextBlob(blob));
        });
        s.put("TestKMS::test_plaintext_size_for_encrypt::invalid-plaintext-size-encrypt", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.encrypt(b -> b.keyId(key).plaintext(bytes(4488)));
        });
        Map<String, String> context = Map.of("encryption", "context");
        String encryptionContext = "TestKMS::test_encrypt_decrypt_encryption_context::";
        s.put(encryptionContext + "decrypt_response_without_encryption_context", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes(16)).encryptionContext(context))
                    .ciphertextBlob();
            kms.decrypt(b -> b.keyId(key).ciphertextBlob(blob));
        });
        s.put(encryptionContext + "decrypt_response_with_invalid_ciphertext", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            byte[] blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes(16))).ciphertextBlob().asByteArray();
            blob[blob.length - 5] ^= 0x5a;
            kms.decrypt(b -> b.keyId(key).ciphertextBlob(SdkBytes.fromByteArray(blob)));
        });
        String generate = "TestKMSGenerateKeys::test_encryption_context_";
        s.put(generate + "generate_data_key::decrypt-without-encryption-context", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.generateDataKey(b -> b.keyId(key).keySpec("AES_256").encryptionContext(context))
                    .ciphertextBlob();
            kms.decrypt(b -> b.ciphertextBlob(blob));
        });
        s.put(generate + "generate_data_key_without_plaintext::decrypt-without-encryption-context", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key).keySpec("AES_256")
                    .encryptionContext(context)).ciphertextBlob();
            kms.decrypt(b -> b.ciphertextBlob(blob));
        });
        s.put(generate + "generate_data_key_pair::decrypt-without-encryption-context", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.generateDataKeyPair(b -> b.keyId(key).keyPairSpec("RSA_2048")
                    .encryptionContext(context)).privateKeyCiphertextBlob();
            kms.decrypt(b -> b.ciphertextBlob(blob));
        });
        s.put(generate + "generate_data_key_pair_without_plaintext::decrypt-without-encryption-context", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key).keyPairSpec("RSA_2048")
                    .encryptionContext(context)).privateKeyCiphertextBlob();
            kms.decrypt(b -> b.ciphertextBlob(blob));
        });
        s.put("TestKMS::test_get_parameters_for_import::response-error", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            ExternalMaterial.parameters(kms, key);
        });
        String derive = "TestKMS::test_derive_shared_secret::";
        s.put(derive + "response-invalid-key-usage", kms -> {
            String key = key(kms, "ECC_NIST_P256", "SIGN_VERIFY");
            SdkBytes peer = peerPublicKey();
            kms.deriveSharedSecret(b -> b.keyId(key).keyAgreementAlgorithm("ECDH").publicKey(peer));
        });
        s.put(derive + "response-invalid-key-spec", kms -> key(kms, "RSA_2048", "KEY_AGREEMENT"));
        s.put(derive + "response-invalid-key-agreement-algo", kms -> {
            String key = key(kms, "ECC_NIST_P256", "KEY_AGREEMENT");
            SdkBytes peer = peerPublicKey();
            kms.deriveSharedSecret(b -> b.keyId(key).keyAgreementAlgorithm("INVALID").publicKey(peer));
        });
        s.put(derive + "response-invalid-key", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes peer = peerPublicKey();
            kms.deriveSharedSecret(b -> b.keyId(key).keyAgreementAlgorithm("ECDH").publicKey(peer));
        });
        s.put(derive + "response-invalid-public-key", kms -> {
            String key = key(kms, "ECC_NIST_P256", "KEY_AGREEMENT");
            kms.deriveSharedSecret(b -> b.keyId(key).keyAgreementAlgorithm("ECDH")
                    .publicKey(SdkBytes.fromUtf8String("InvalidPublicKey")));
        });
        s.put("TestKMS::test_tag_key_with_duplicate_tag_keys_raises_error::duplicate-tag-keys", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.tagResource(b -> b.keyId(key).tags(tag("tag1", "value1"), tag("tag1", "value2")));
        });
        s.put("TestKMS::test_create_key_with_too_many_tags_raises_error::invalid-tag-key",
                kms -> kms.createKey(b -> b.tags(IntStream.range(0, 51).mapToObj(i -> tag("tag" + i, "value" + i))
                        .toList())));
        s.put("TestKMS::test_tag_existing_key_with_invalid_tag_key::invalid-tag-key", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.tagResource(b -> b.keyId(key).tags(tag("aws:key1", "value1")));
        });
        s.put("TestKMS::test_key_with_long_tag_value_raises_error::too-long-tag-value",
                kms -> kms.createKey(b -> b.tags(tag("tag1", "v".repeat(257)))));
        String invalidTag = "TestKMS::test_create_key_with_invalid_tag_key[";
        s.put(invalidTag + "lowercase_prefix]::invalid-tag-key",
                kms -> kms.createKey(b -> b.tags(tag("aws:key1", "value1"))));
        s.put(invalidTag + "uppercase_prefix]::invalid-tag-key",
                kms -> kms.createKey(b -> b.tags(tag("AWS:key1", "value1"))));
        s.put(invalidTag + "too_long_key]::invalid-tag-key",
                kms -> kms.createKey(b -> b.tags(tag("a".repeat(129), "value1"))));
        String rotate = "TestKMS::test_rotate_key_on_demand_raises_error_given_";
        s.put(rotate + "key_is_disabled::error-response", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.disableKey(b -> b.keyId(key));
            kms.rotateKeyOnDemand(b -> b.keyId(key));
        });
        s.put(rotate + "key_that_does_not_exist::error-response",
                kms -> kms.rotateKeyOnDemand(b -> b.keyId(UNUSED_KEY_ID)));
        s.put(rotate + "non_symmetric_key::error-response", kms -> {
            String key = key(kms, "RSA_2048", "ENCRYPT_DECRYPT");
            kms.rotateKeyOnDemand(b -> b.keyId(key));
        });
        s.put(rotate + "key_with_imported_key_material::error-response", kms -> {
            String key = externalWithMaterial(kms);
            kms.rotateKeyOnDemand(b -> b.keyId(key));
        });
        s.put("TestKMS::test_key_rotations_encryption_decryption::bad-ciphertext", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            byte[] blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes(16))).ciphertextBlob().asByteArray();
            kms.rotateKeyOnDemand(b -> b.keyId(key));
            blob[blob.length - 3] ^= 0x33;
            kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)));
        });
        s.put("TestKMS::test_key_rotations_limits::error-response", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            // AWS's limit was 10 when this was recorded; it is 25 now ("a maximum of 25 times per KMS key")
            for (int i = 0; i <= 25; i++) {
                kms.rotateKeyOnDemand(b -> b.keyId(key));
            }
        });
        s.put("TestKMSGenerateKeys::test_generate_data_key_pair_dry_run::dryrun_exception", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.generateDataKeyPair(b -> b.keyId(key).keyPairSpec("RSA_2048").dryRun(true));
        });
        s.put("TestKMSGenerateKeys::test_generate_data_key_pair_without_plaintext_dry_run::dryrun_exception", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key).keyPairSpec("RSA_2048").dryRun(true));
        });
        s.put("TestKMS::test_re_encrypt_incorrect_source_key::incorrect-source-key", kms -> {
            String key = kms.createKey(b -> { }).keyMetadata().keyId();
            String other = kms.createKey(b -> { }).keyMetadata().keyId();
            SdkBytes blob = kms.encrypt(b -> b.keyId(key).plaintext(bytes(16))).ciphertextBlob();
            kms.reEncrypt(b -> b.ciphertextBlob(blob).sourceKeyId(other).destinationKeyId(other));
        });
        s.put("TestKMS::test_replicate_replica_key_should_fail::fail-replicate-non-primary-key", kms -> {
            KeyMetadata primary = kms.createKey(b -> b.multiRegion(true)).keyMetadata();
            kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion(SECONDARY_REGION));
            secondary.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("eu-central-1"));
        });
        return s;
    }

    private static String key(KmsClient kms, String spec, String usage) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    private static String externalWithMaterial(KmsClient kms) throws Exception {
        String key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        ExternalMaterial.importMaterial(kms, key, bytes(32).asByteArray(), null);
        return key;
    }

    private static SdkBytes peerPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return SdkBytes.fromByteArray(generator.generateKeyPair().getPublic().getEncoded());
    }

    private static SdkBytes bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return SdkBytes.fromByteArray(bytes);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }
}
