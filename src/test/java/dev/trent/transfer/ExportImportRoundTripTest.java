package dev.trent.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trent.cli.CliAccess;
import dev.trent.support.TestBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import java.time.Duration;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * {@code trent export --include-material} then {@code --import} into an empty Trent: every key
 * comes back as it was, and ciphertexts made before the export decrypt after the import.
 */
class ExportImportRoundTripTest {
    private static final String EU = "eu-west-1";

    @TempDir
    Path dir;

    @Test
    void keysAliasesTagsPoliciesGrantsKeyStoresStatesRotationAndEveryMaterialComeBack() throws Exception {
        byte[] externalMaterial = TestBytes.randomBytes(32);
        Path seed = dir.resolve("seed.json");
        String externalId = "61111111-2222-3333-4444-555555555555";
        Files.writeString(seed, "{\"trent\": 1, \"keys\": [{\"id\": \"" + externalId + "\", \"origin\": \"EXTERNAL\", "
                + "\"materials\": [{\"base64\": \"" + Base64.getEncoder().encodeToString(externalMaterial)
                + "\", \"imported\": {\"description\": \"from the HSM\", \"validTo\": \"2099-01-01T00:00:00Z\"}}]}]}");
        byte[] plaintext = TestBytes.randomBytes(50);
        byte[] message = TestBytes.randomBytes(70);
        Map<String, SdkBytes> ciphertexts = new LinkedHashMap<>();
        Path exported = dir.resolve("export.json");
        String firstExport;
        Map<String, Object> before = new LinkedHashMap<>();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"all\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        try (Started a = new Started(seed); KmsClient eu = a.client(Started.ACCOUNT, EU);
                KmsClient other = a.client("444455556666", Started.REGION)) {
            KmsClient kms = a.kms;
            String symmetric = kms.createKey(r -> r.description("orders").tags(t -> t.tagKey("team").tagValue("shop")))
                    .keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName("alias/orders").targetKeyId(symmetric));
            kms.createGrant(r -> r.keyId(symmetric).name("app").granteePrincipal("arn:aws:iam::111122223333:role/app")
                    .retiringPrincipal("arn:aws:iam::111122223333:role/admin").operations(GrantOperation.DECRYPT,
                            GrantOperation.ENCRYPT).constraints(c -> c.encryptionContextSubset(Map.of("app", "shop"))));
            kms.putKeyPolicy(r -> r.keyId(symmetric).policy(policy));
            ciphertexts.put(symmetric, encrypt(kms, symmetric, plaintext));
            kms.rotateKeyOnDemand(r -> r.keyId(symmetric));
            kms.enableKeyRotation(r -> r.keyId(symmetric).rotationPeriodInDays(90));
            ciphertexts.put(symmetric + "/2", encrypt(kms, symmetric, plaintext));
            String disabled = kms.createKey(r -> r.description("off")).keyMetadata().keyId();
            before.put("disabled", disabled);
            ciphertexts.put(disabled, encrypt(kms, disabled, plaintext));
            kms.disableKey(r -> r.keyId(disabled));
            String hmac = kms.createKey(r -> r.keySpec(KeySpec.HMAC_512).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                    .keyMetadata().keyId();
            before.put("mac", mac(kms, hmac, message));
            String ecc = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P384).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().keyId();
            String ed25519 = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_EDWARDS25519).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().keyId();
            String deleting = kms.createKey(r -> r.description("going")).keyMetadata().keyId();
            kms.scheduleKeyDeletion(r -> r.keyId(deleting).pendingWindowInDays(7));
            ciphertexts.put(externalId, encrypt(kms, externalId, plaintext));
            String mrk = kms.createKey(r -> r.multiRegion(true)).keyMetadata().keyId();
            kms.replicateKey(r -> r.keyId(mrk).replicaRegion(EU));
            ciphertexts.put("eu:" + mrk, encrypt(eu, mrk, plaintext));
            String elsewhere = other.createKey(r -> r.description("other account")).keyMetadata().keyId();
            other.createAlias(r -> r.aliasName("alias/orders").targetKeyId(elsewhere));
            ciphertexts.put("other:" + elsewhere, encrypt(other, elsewhere, plaintext));
            kms.describeKey(r -> r.keyId("alias/aws/s3")); // an AWS managed key, made on first use
            String hsm = kms.createCustomKeyStore(r -> r.customKeyStoreName("hsm").cloudHsmClusterId("cluster-abcdefghijk")
                    .trustAnchorCertificate("-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----")
                    .keyStorePassword("kmsuser-password")).customKeyStoreId();
            String xks = kms.createCustomKeyStore(r -> r.customKeyStoreName("xks")
                    .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
                    .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT)
                    .xksProxyUriEndpoint("https://xks.example.com").xksProxyUriPath("/kms/xks/v1")
                    .xksProxyAuthenticationCredential(c -> c.accessKeyId("AKIAABCDEFGHIJKLMNOP")
                            .rawSecretAccessKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG+/=")))
                    .customKeyStoreId();
            kms.connectCustomKeyStore(r -> r.customKeyStoreId(hsm));
            kms.connectCustomKeyStore(r -> r.customKeyStoreId(xks));
            a.trent.clock().advance(Duration.ofSeconds(5));
            String inHsm = kms.createKey(r -> r.customKeyStoreId(hsm).origin(OriginType.AWS_CLOUDHSM)).keyMetadata().keyId();
            String inXks = kms.createKey(r -> r.customKeyStoreId(xks).origin(OriginType.EXTERNAL_KEY_STORE)
                    .xksKeyId("external-key-1")).keyMetadata().keyId();
            ciphertexts.put(inHsm, encrypt(kms, inHsm, plaintext));
            ciphertexts.put(inXks, encrypt(kms, inXks, plaintext));

            before.put("us", snapshot(kms));
            before.put("eu", snapshot(eu));
            before.put("other", snapshot(other));
            before.put("ecc", kms.getPublicKey(r -> r.keyId(ecc)).publicKey());
            before.put("ed25519", kms.getPublicKey(r -> r.keyId(ed25519)).publicKey());
            before.put("hmac", hmac);
            before.put("ecc-id", ecc);

            assertThat(CliAccess.export(a.trent.store(), "--include-material", "--output", exported.toString()))
                    .isZero();
            firstExport = Files.readString(exported);
        }

        try (Started b = new Started(exported); KmsClient eu = b.client(Started.ACCOUNT, EU);
                KmsClient other = b.client("444455556666", Started.REGION)) {
            // the key stores were exported connecting, their attempts ending on A's clock, which ran 5 s ahead
            b.trent.clock().advance(Duration.ofSeconds(5));
            assertThat(snapshot(b.kms)).isEqualTo(before.get("us"));
            assertThat(snapshot(eu)).isEqualTo(before.get("eu"));
            assertThat(snapshot(other)).isEqualTo(before.get("other"));
            for (Map.Entry<String, SdkBytes> ciphertext : ciphertexts.entrySet()) {
                KmsClient client = ciphertext.getKey().startsWith("eu:") ? eu
                        : ciphertext.getKey().startsWith("other:") ? other : b.kms;
                String keyId = ciphertext.getKey().replaceAll("^(eu|other):", "").replace("/2", "");
                if (keyId.equals(before.get("disabled"))) {
                    client.enableKey(r -> r.keyId(keyId)); // the disabled key: its material is back, disabled
                }
                assertThat(client.decrypt(r -> r.ciphertextBlob(ciphertext.getValue())).plaintext().asByteArray())
                        .as(ciphertext.getKey()).isEqualTo(plaintext);
            }
            assertThat(mac(b.kms, (String) before.get("hmac"), message)).isEqualTo(before.get("mac"));
            assertThat(b.kms.getPublicKey(r -> r.keyId((String) before.get("ecc-id"))).publicKey()).isEqualTo(before.get("ecc"));
            assertThat(b.kms.describeKey(r -> r.keyId(externalId)).keyMetadata().origin()).isEqualTo(OriginType.EXTERNAL);

            // and exporting the imported store again gives the same file, but for the disabled key now enabled
            Path again = dir.resolve("again.json");
            b.kms.disableKey(r -> r.keyId((String) before.get("disabled")));
            assertThat(CliAccess.export(b.trent.store(), "--include-material", "--output", again.toString())).isZero();
            assertThat(Files.readString(again)).isEqualTo(firstExport);
        }
    }

    @Test
    void anExportWithoutMaterialIsRefusedByImportWithTheReason() throws Exception {
        Path exported = dir.resolve("no-material.json");
        String keyId;
        try (Started a = new Started()) {
            keyId = a.kms.createKey(r -> r.description("x")).keyMetadata().keyId();
            assertThat(CliAccess.export(a.trent.store(), "--output", exported.toString())).isZero();
        }
        assertThat(Files.readString(exported)).contains("\"material\" : false");
        assertThatThrownBy(() -> new Started(exported).close())
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("entry accounts[0].regions[0].keys[0] (key " + keyId + "): materials[0] has no key "
                        + "material (base64, hex or pem): the file was exported without --include-material");
    }

    private static SdkBytes encrypt(KmsClient kms, String keyId, byte[] plaintext) {
        return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))).ciphertextBlob();
    }

    private static SdkBytes mac(KmsClient kms, String keyId, byte[] message) {
        return kms.generateMac(r -> r.keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)
                .message(SdkBytes.fromByteArray(message))).mac();
    }

    /** What the SDK shows of every key of the client's account and region, alias dates aside. */
    private static List<Object> snapshot(KmsClient kms) {
        List<Object> out = new ArrayList<>();
        out.add(kms.describeCustomKeyStores().customKeyStores());
        for (KeyListEntry entry : kms.listKeys().keys()) {
            String id = entry.keyId();
            var metadata = kms.describeKey(r -> r.keyId(id)).keyMetadata();
            out.add(metadata);
            out.add(kms.listAliases(r -> r.keyId(id)).aliases().stream()
                    .map(AliasListEntry::aliasName).toList());
            out.add(kms.getKeyPolicy(r -> r.keyId(id)).policy());
            if (metadata.keyManagerAsString().equals("CUSTOMER")) {
                out.add(kms.listResourceTags(r -> r.keyId(id)).tags());
                out.add(kms.listGrants(r -> r.keyId(id)).grants());
            }
            if (metadata.keySpec() == KeySpec.SYMMETRIC_DEFAULT && metadata.keyStateAsString().equals("Enabled")
                    && metadata.customKeyStoreId() == null) { // custom key stores' keys do not rotate
                out.add(kms.getKeyRotationStatus(r -> r.keyId(id)).toString());
                out.add(kms.listKeyRotations(r -> r.keyId(id).includeKeyMaterial("ALL_KEY_MATERIAL")).rotations());
            }
        }
        return out;
    }
}
