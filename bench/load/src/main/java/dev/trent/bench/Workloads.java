package dev.trent.bench;

import static dev.trent.bench.Workload.hasText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/** Creates the keys, ciphertexts and signatures the table's operations need, then their workloads. */
final class Workloads {
    /** distinct plaintexts per Decrypt workload, so a server cannot answer from one cached result */
    private static final int VARIANTS = 16;

    private final KmsCaller kms;
    private final Random random = new Random(8);
    private final String symmetric;
    private final String hmac;
    private final String ecc;
    private final String rsa;

    Workloads(KmsCaller kms) {
        this.kms = kms;
        this.symmetric = kms.createKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
        this.hmac = kms.createKey("HMAC_256", "GENERATE_VERIFY_MAC");
        this.ecc = kms.createKey("ECC_NIST_P256", "SIGN_VERIFY");
        this.rsa = kms.createKey("RSA_2048", "SIGN_VERIFY");
    }

    /** Every workload of the table, by label, in the table's order. */
    Map<String, Workload> all() {
        Map<String, Workload> all = new LinkedHashMap<>();
        add(all, encrypt("Encrypt 1 KB", 1024));
        add(all, encrypt("Encrypt 4 KB", 4096));
        add(all, decrypt("Decrypt 1 KB", 1024));
        add(all, decrypt("Decrypt 4 KB", 4096));
        add(all, Workload.same("GenerateDataKey", "GenerateDataKey",
                body(Map.of("KeyId", symmetric, "KeySpec", "AES_256")), hasText("CiphertextBlob", "Plaintext", "KeyId")));
        add(all, reEncrypt());
        add(all, sign("Sign ECC_NIST_P256", ecc, "ECDSA_SHA_256"));
        add(all, sign("Sign RSA_2048", rsa, "RSASSA_PSS_SHA_256"));
        add(all, verify("Verify ECC_NIST_P256", ecc, "ECDSA_SHA_256"));
        add(all, verify("Verify RSA_2048", rsa, "RSASSA_PSS_SHA_256"));
        add(all, Workload.same("GenerateMac", "GenerateMac",
                body(Map.of("KeyId", hmac, "MacAlgorithm", "HMAC_SHA_256", "Message", b64(bytes(256)))),
                hasText("Mac", "KeyId")));
        add(all, Workload.same("CreateKey", "CreateKey", body(Map.of("Description", "bench")),
                json -> hasText("KeyId", "Arn").test(json.path("KeyMetadata"))));
        add(all, Workload.same("DescribeKey", "DescribeKey", body(Map.of("KeyId", symmetric)),
                json -> symmetricKeyId().equals(json.path("KeyMetadata").path("KeyId").asText())));
        add(all, Workload.same("ListKeys", "ListKeys", body(Map.of("Limit", 100)),
                json -> json.path("Keys").isArray() && json.path("Keys").size() > 0));
        return all;
    }

    /** The ceiling's workload: Encrypt 1 KB's request, checked as Trent's is. */
    static Workload ceilingEncrypt() {
        Map<String, Object> request = Map.of("KeyId", "alias/ceiling", "Plaintext", b64(new byte[1024]));
        return Workload.same("Encrypt 1 KB", "Encrypt", body(request), hasText("CiphertextBlob", "KeyId"));
    }

    private String symmetricKeyId() {
        return symmetric;
    }

    private static void add(Map<String, Workload> all, Workload workload) {
        all.put(workload.label(), workload);
    }

    private Workload encrypt(String label, int size) {
        List<byte[]> bodies = new ArrayList<>();
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            bodies.add(body(Map.of("KeyId", symmetric, "Plaintext", b64(bytes(size)))));
            checks.add(hasText("CiphertextBlob", "KeyId"));
        }
        return new Workload(label, "Encrypt", bodies, checks);
    }

    private Workload decrypt(String label, int size) {
        List<byte[]> bodies = new ArrayList<>();
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            String plaintext = b64(bytes(size));
            String blob = kms.call("Encrypt", Map.of("KeyId", symmetric, "Plaintext", plaintext))
                    .path("CiphertextBlob").asText();
            bodies.add(body(Map.of("CiphertextBlob", blob)));
            checks.add(json -> plaintext.equals(json.path("Plaintext").asText()));
        }
        return new Workload(label, "Decrypt", bodies, checks);
    }

    private Workload reEncrypt() {
        String blob = kms.call("Encrypt", Map.of("KeyId", symmetric, "Plaintext", b64(bytes(1024))))
                .path("CiphertextBlob").asText();
        return Workload.same("ReEncrypt 1 KB", "ReEncrypt",
                body(Map.of("CiphertextBlob", blob, "DestinationKeyId", symmetric)),
                hasText("CiphertextBlob", "KeyId", "SourceKeyId"));
    }

    private Workload sign(String label, String keyId, String algorithm) {
        return Workload.same(label, "Sign",
                body(Map.of("KeyId", keyId, "Message", b64(bytes(256)), "SigningAlgorithm", algorithm)),
                hasText("Signature", "KeyId"));
    }

    private Workload verify(String label, String keyId, String algorithm) {
        String message = b64(bytes(256));
        String signature = kms.call("Sign", Map.of("KeyId", keyId, "Message", message, "SigningAlgorithm", algorithm))
                .path("Signature").asText();
        return Workload.same(label, "Verify",
                body(Map.of("KeyId", keyId, "Message", message, "Signature", signature, "SigningAlgorithm", algorithm)),
                json -> json.path("SignatureValid").asBoolean(false));
    }

    private byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] body(Map<String, Object> request) {
        try {
            return KmsCaller.JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
