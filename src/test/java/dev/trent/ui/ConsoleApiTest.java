package dev.trent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.support.ExternalMaterial;
import dev.trent.support.SecretSearch;
import dev.trent.support.TestBytes;
import dev.trent.support.TrentServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;

/**
 * The web console's read-only JSON under {@code /_trent/api/} and its static files under
 * {@code /_trent/ui/}, over plain HTTP (java.net.http) against a real Trent whose keys were made
 * through the AWS SDK: what the console shows must be what the KMS API answers, and no response may
 * carry secret material in any encoding.
 */
class ConsoleApiTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Each test its own account, so that what one test makes never shows in another's listing. */
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String REGION = "eu-central-1";

    private static String newAccount() {
        return String.format("7700%08d", ACCOUNTS.incrementAndGet());
    }

    private record Answer(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery);
    }

    private static Answer send(String method, String pathAndQuery) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(trent.endpoint() + pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode ok(String pathAndQuery) {
        Answer answer = get(pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        return answer.json();
    }

    private static String scope(String account) {
        return "account=" + account + "&region=" + REGION;
    }

    private static JsonNode keyPage(String account, String keyId) {
        return ok("/_trent/api/keys/" + keyId + "?" + scope(account));
    }

    private static List<String> keyIds(JsonNode keys) {
        List<String> ids = new ArrayList<>();
        keys.get("keys").forEach(key -> ids.add(key.get("KeyMetadata").get("KeyId").asText()));
        return ids;
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    @Test
    void scopesListTheAccountsAndRegionsHoldingKeysWithTheirCounts() {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        String keyId = kms.createKey(b -> b.description("counted")).keyMetadata().keyId();
        kms.createKey(b -> b.description("counted too"));
        kms.createAlias(b -> b.aliasName("alias/counted").targetKeyId(keyId));
        trent.client(account, "ap-south-1").createKey(b -> b.description("elsewhere"));

        JsonNode scopes = ok("/_trent/api/scopes");

        assertThat(scopes.get("default").get("account").asText()).isEqualTo("000000000000");
        assertThat(scopes.get("default").get("region").asText()).isEqualTo("us-east-1");
        List<String> mine = new ArrayList<>();
        scopes.get("scopes").forEach(s -> {
            if (s.get("account").asText().equals(account)) {
                mine.add(s.get("region").asText() + " " + s.get("keys").asInt() + " " + s.get("aliases").asInt() + " "
                        + s.get("customKeyStores").asInt());
            }
        });
        assertThat(mine).containsExactly("ap-south-1 1 0 0", REGION + " 2 1 0");
    }

    @Test
    void theKeyListShowsEachKeyAsDescribeKeyDoesWithAliasesTagsAndRotation() {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        KeyMetadata symmetric = kms.createKey(b -> b.description("listed").tags(t -> t.tagKey("team").tagValue("blue")))
                .keyMetadata();
        kms.createAlias(b -> b.aliasName("alias/listed").targetKeyId(symmetric.keyId()));
        kms.enableKeyRotation(b -> b.keyId(symmetric.keyId()).rotationPeriodInDays(120));
        KeyMetadata signing = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P384).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        trent.client(newAccount(), REGION).createKey(b -> b.description("another account's"));

        JsonNode keys = ok("/_trent/api/keys?" + scope(account));

        assertThat(keys.get("account").asText()).isEqualTo(account);
        assertThat(keys.get("region").asText()).isEqualTo(REGION);
        assertThat(keyIds(keys)).containsExactlyInAnyOrder(symmetric.keyId(), signing.keyId());
        for (JsonNode key : keys.get("keys")) {
            KeyMetadata described = kms.describeKey(b -> b.keyId(key.get("KeyMetadata").get("KeyId").asText()))
                    .keyMetadata();
            assertSameMetadata(key.get("KeyMetadata"), described);
        }
        JsonNode listed = entry(keys, symmetric.keyId());
        assertThat(listed.get("Aliases").toString()).isEqualTo("[\"alias/listed\"]");
        assertThat(listed.get("Tags").toString()).isEqualTo("[{\"TagKey\":\"team\",\"TagValue\":\"blue\"}]");
        var status = kms.getKeyRotationStatus(b -> b.keyId(symmetric.keyId()));
        assertThat(listed.get("Rotation").get("KeyRotationEnabled").asBoolean()).isTrue();
        assertThat(listed.get("Rotation").get("RotationPeriodInDays").asInt()).isEqualTo(status.rotationPeriodInDays());
        assertThat(instant(listed.get("Rotation").get("NextRotationDate"))).isEqualTo(status.nextRotationDate());
        assertThat(listed.get("MaterialVersions").asInt()).isEqualTo(1);
        JsonNode signer = entry(keys, signing.keyId());
        assertThat(signer.get("Rotation").get("KeyRotationEnabled").asBoolean()).isFalse();
        assertThat(signer.get("KeyMetadata").get("SigningAlgorithms").toString()).isEqualTo("[\"ECDSA_SHA_384\"]");
    }

    private static JsonNode entry(JsonNode keys, String keyId) {
        for (JsonNode key : keys.get("keys")) {
            if (key.get("KeyMetadata").get("KeyId").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError(keyId + " not listed");
    }

    /** Every member DescribeKey gives, with the same value (dates as ISO-8601 text), and no other. */
    private static void assertSameMetadata(JsonNode shown, KeyMetadata described) {
        List<String> members = new ArrayList<>();
        shown.fieldNames().forEachRemaining(members::add);
        List<String> expected = new ArrayList<>();
        described.sdkFields().forEach(field -> {
            Object value = field.getValueOrDefault(described);
            if (value != null && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList)) {
                expected.add(field.locationName());
            }
        });
        assertThat(members).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown.get("Arn").asText()).isEqualTo(described.arn());
        assertThat(shown.get("KeyState").asText()).isEqualTo(described.keyStateAsString());
        assertThat(shown.get("KeySpec").asText()).isEqualTo(described.keySpecAsString());
        assertThat(shown.get("KeyUsage").asText()).isEqualTo(described.keyUsageAsString());
        assertThat(shown.get("Origin").asText()).isEqualTo(described.originAsString());
        assertThat(shown.get("Enabled").asBoolean()).isEqualTo(described.enabled());
        assertThat(instant(shown.get("CreationDate"))).isEqualTo(described.creationDate());
        if (described.deletionDate() != null) {
            assertThat(instant(shown.get("DeletionDate"))).isEqualTo(described.deletionDate());
        }
    }

    @Test
    void aKeysPageHasItsPolicyGrantsAliasesMaterialVersionsAndLastUse() {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        KeyMetadata key = kms.createKey(b -> b.description("in full")).keyMetadata();
        kms.createAlias(b -> b.aliasName("alias/in-full").targetKeyId(key.keyId()));
        kms.tagResource(b -> b.keyId(key.keyId()).tags(t -> t.tagKey("env").tagValue("test")));
        String grantee = "arn:aws:iam::" + account + ":role/reader";
        String grantId = kms.createGrant(b -> b.keyId(key.keyId()).granteePrincipal(grantee).name("reader")
                .operations(GrantOperation.DECRYPT, GrantOperation.DESCRIBE_KEY)).grantId();
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        String requestId = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("used")))
                .responseMetadata().requestId();

        JsonNode page = keyPage(account, key.keyId());

        assertSameMetadata(page.get("KeyMetadata"), kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
        assertThat(page.get("PolicyName").asText()).isEqualTo("default");
        assertThat(page.get("Policy").asText())
                .isEqualTo(kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")).policy());
        assertThat(page.get("Aliases")).hasSize(1);
        assertThat(page.get("Aliases").get(0).get("AliasName").asText()).isEqualTo("alias/in-full");
        assertThat(page.get("Aliases").get(0).get("AliasArn").asText())
                .isEqualTo("arn:aws:kms:" + REGION + ":" + account + ":alias/in-full");
        assertThat(page.get("Tags").toString()).isEqualTo("[{\"TagKey\":\"env\",\"TagValue\":\"test\"}]");
        JsonNode grant = page.get("Grants").get(0);
        assertThat(page.get("Grants")).hasSize(1);
        assertThat(grant.get("GrantId").asText()).isEqualTo(grantId);
        assertThat(grant.get("Name").asText()).isEqualTo("reader");
        assertThat(grant.get("GranteePrincipal").asText()).isEqualTo(grantee);
        assertThat(grant.get("Operations").toString()).isEqualTo("[\"Decrypt\",\"DescribeKey\"]");
        assertThat(grant.get("KeyId").asText()).isEqualTo(key.arn());

        List<RotationsListEntry> rotations = kms.listKeyRotations(b -> b.keyId(key.keyId())
                .includeKeyMaterial("ALL_KEY_MATERIAL")).rotations();
        JsonNode materials = page.get("Materials");
        assertThat(materials).hasSize(2).hasSameSizeAs(rotations);
        for (int i = 0; i < rotations.size(); i++) {
            assertThat(materials.get(i).get("KeyMaterialId").asText()).isEqualTo(rotations.get(i).keyMaterialId());
            assertThat(materials.get(i).get("KeyMaterialState").asText())
                    .isEqualTo(rotations.get(i).keyMaterialStateAsString());
            assertThat(materials.get(i).has("CreationDate")).isTrue();
        }
        assertThat(materials.get(1).get("KeyMaterialState").asText()).isEqualTo("CURRENT");
        assertThat(materials.get(1).get("RotationType").asText()).isEqualTo("ON_DEMAND");
        assertThat(materials.get(1).get("KeyMaterialId").asText()).isEqualTo(
                page.get("KeyMetadata").get("CurrentKeyMaterialId").asText());

        JsonNode lastUse = page.get("LastUsage");
        assertThat(lastUse.get("Operation").asText()).isEqualTo("Encrypt");
        assertThat(lastUse.get("KmsRequestId").asText()).isEqualTo(requestId);
    }

    @Test
    void aDeletionTheClockCompletedShowsAtOnce() {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        String doomed = kms.createKey(b -> b.description("doomed")).keyMetadata().keyId();
        String kept = kms.createKey(b -> b.description("kept")).keyMetadata().keyId();
        Instant date = kms.scheduleKeyDeletion(b -> b.keyId(doomed).pendingWindowInDays(7)).deletionDate();

        JsonNode pending = keyPage(account, doomed).get("KeyMetadata");
        assertThat(pending.get("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(instant(pending.get("DeletionDate"))).isEqualTo(date);

        trent.trent().clock().advance(Duration.ofDays(8));

        // no KMS request in between: the console's own request carries out what the clock made due
        assertThat(keyIds(ok("/_trent/api/keys?" + scope(account)))).containsExactly(kept);
        Answer gone = get("/_trent/api/keys/" + doomed + "?" + scope(account));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText())
                .isEqualTo("Key 'arn:aws:kms:" + REGION + ":" + account + ":key/" + doomed + "' does not exist");
    }

    @Test
    void customKeyStoresAreListedWithoutTheirSecretsAndTheirKeysUnavailableWhileDisconnected() throws IOException {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        String password = "kmsuser-" + new BigInteger(64, new java.security.SecureRandom()).toString(36);
        String secret = "S3cr3t" + new BigInteger(256, new java.security.SecureRandom()).toString(36) + "+/=";
        String cloudHsm = kms.createCustomKeyStore(b -> b.customKeyStoreName("console-hsm")
                .cloudHsmClusterId("cluster-consoleabcde").keyStorePassword(password)
                .trustAnchorCertificate("-----BEGIN CERTIFICATE-----\nMIIC...console\n-----END CERTIFICATE-----"))
                .customKeyStoreId();
        String external = kms.createCustomKeyStore(b -> b.customKeyStoreName("console-xks")
                .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
                .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT)
                .xksProxyUriEndpoint("https://xks-console.example.com").xksProxyUriPath("/kms/xks/v1")
                .xksProxyAuthenticationCredential(c -> c.accessKeyId("AKIACONSOLEPROXYKEYAB").rawSecretAccessKey(secret)))
                .customKeyStoreId();
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(cloudHsm));
        trent.trent().clock().advance(Duration.ofMinutes(1)); // the simulated connection completes
        String inStore = kms.createKey(b -> b.origin(OriginType.AWS_CLOUDHSM).customKeyStoreId(cloudHsm))
                .keyMetadata().keyId();

        JsonNode stores = ok("/_trent/api/custom-key-stores?" + scope(account)).get("CustomKeyStores");

        assertThat(stores).hasSize(2);
        JsonNode hsm = stores.get(0).get("CustomKeyStoreId").asText().equals(cloudHsm) ? stores.get(0) : stores.get(1);
        JsonNode xks = hsm == stores.get(0) ? stores.get(1) : stores.get(0);
        assertThat(hsm.get("CustomKeyStoreName").asText()).isEqualTo("console-hsm");
        assertThat(hsm.get("ConnectionState").asText()).isEqualTo("CONNECTED");
        assertThat(hsm.get("KeyCount").asInt()).isEqualTo(1);
        assertThat(xks.get("CustomKeyStoreId").asText()).isEqualTo(external);
        assertThat(xks.get("XksProxyConfiguration").get("AccessKeyId").asText()).isEqualTo("AKIACONSOLEPROXYKEYAB");
        assertThat(xks.get("KeyCount").asInt()).isZero();

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(cloudHsm));
        assertThat(keyPage(account, inStore).get("KeyMetadata").get("KeyState").asText())
                .isEqualTo(kms.describeKey(b -> b.keyId(inStore)).keyMetadata().keyStateAsString())
                .isEqualTo("Unavailable");

        byte[] everything = everyResponse(account, List.of(inStore));
        assertThat(SecretSearch.find(everything, password.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SecretSearch.find(everything, secret.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void noResponseCarriesImportedKeyMaterialPrivateKeysOrImportTokens() throws Exception {
        String account = newAccount();
        KmsClient kms = trent.client(account, REGION);
        byte[] material = TestBytes.randomBytes(32);
        String symmetric = kms.createKey(b -> b.origin(OriginType.EXTERNAL).description("imported")).keyMetadata().keyId();
        GetParametersForImportResponse parameters = ExternalMaterial.parameters(kms, symmetric);
        ExternalMaterial.importWith(kms, symmetric, parameters, material, null);
        byte[] hmacMaterial = TestBytes.randomBytes(48);
        String hmac = kms.createKey(b -> b.origin(OriginType.EXTERNAL).keySpec(KeySpec.HMAC_384)
                .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
        ExternalMaterial.importMaterial(kms, hmac, hmacMaterial, null);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        String asymmetric = kms.createKey(b -> b.origin(OriginType.EXTERNAL).keySpec(KeySpec.RSA_2048)
                .keyUsage(KeyUsageType.ENCRYPT_DECRYPT)).keyMetadata().keyId();
        ExternalMaterial.importLong(kms, asymmetric, rsa.getPrivate().getEncoded());
        kms.encrypt(b -> b.keyId(symmetric).plaintext(SdkBytes.fromUtf8String("in use")));
        kms.createAlias(b -> b.aliasName("alias/imported").targetKeyId(symmetric));

        JsonNode page = keyPage(account, symmetric);
        assertThat(page.get("KeyMetadata").get("Origin").asText()).isEqualTo("EXTERNAL");
        assertThat(page.get("Materials").get(0).get("ImportState").asText()).isEqualTo("IMPORTED");
        byte[] everything = everyResponse(account, List.of(symmetric, hmac, asymmetric));

        assertThat(SecretSearch.find(everything, material)).as("symmetric material").isEmpty();
        assertThat(SecretSearch.find(everything, hmacMaterial)).as("HMAC material").isEmpty();
        assertThat(SecretSearch.find(everything, rsa.getPrivate().getEncoded())).as("RSA private key").isEmpty();
        byte[] exponent = ((RSAPrivateCrtKey) rsa.getPrivate()).getPrivateExponent().toByteArray();
        assertThat(SecretSearch.find(everything, exponent)).as("RSA private exponent").isEmpty();
        assertThat(SecretSearch.find(everything, parameters.importToken().asByteArray())).as("import token").isEmpty();
        // the search finds what is there: the key ids and the material id are in the responses
        assertThat(SecretSearch.indexOf(everything, symmetric.getBytes(StandardCharsets.US_ASCII))).isNotNegative();
    }

    /** The bodies of every inventory endpoint for the account, one after another. */
    private static byte[] everyResponse(String account, List<String> keyIds) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<String> paths = new ArrayList<>(List.of("/_trent/api/scopes", "/_trent/api/keys?" + scope(account),
                "/_trent/api/custom-key-stores?" + scope(account)));
        keyIds.forEach(id -> paths.add("/_trent/api/keys/" + id + "?" + scope(account)));
        for (String path : paths) {
            Answer answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            all.write(answer.body());
        }
        return all.toByteArray();
    }

    @Test
    void badRequestsGetAMessageAndTheRightStatus() {
        Answer noScope = get("/_trent/api/keys");
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.json().get("message").asText()).isEqualTo("The query parameters account and region are required.");
        Answer badAccount = get("/_trent/api/keys?account=12&region=" + REGION);
        assertThat(badAccount.status()).isEqualTo(400);
        assertThat(badAccount.json().get("message").asText()).isEqualTo("account must be a 12-digit AWS account id: 12");
        Answer unknown = get("/_trent/api/keys/1234abcd-12ab-34cd-56ef-1234567890ab?" + scope(newAccount()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).endsWith(":key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist");
        assertThat(get("/_trent/api/keys/a/b?" + scope(newAccount())).status()).isEqualTo(404);
        assertThat(get("/_trent/api/nothing").status()).isEqualTo(404);
        Answer post = send("POST", "/_trent/api/keys?" + scope(newAccount()));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("message").asText()).isEqualTo("Method not allowed");
    }

    @Test
    void theConsolesFilesAreServedFromTheJarWithTheirContentTypes() {
        Answer page = get("/_trent/ui/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>Trent console</title>")
                .contains("src=\"/_trent/ui/app.js\"");
        Answer bare = get("/_trent/ui");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(page.body());
        Answer script = get("/_trent/ui/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(new String(script.body(), StandardCharsets.UTF_8)).contains("/_trent/api/keys");
        assertThat(get("/_trent/ui/style.css").contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/_trent/ui/icon.svg").contentType()).isEqualTo("image/svg+xml");
        for (String missing : List.of("/_trent/ui/nothing.js", "/_trent/ui/../ui/app.js", "/_trent/ui/%2e%2e/Trent.class",
                "/_trent/ui/ConsoleRoutes.class", "/_trent/ui/sub/app.js", "/_trent/ui/App.js")) {
            assertThat(get(missing).status()).as(missing).isEqualTo(404);
        }
        assertThat(send("POST", "/_trent/ui/").status()).isEqualTo(405);
    }
}
