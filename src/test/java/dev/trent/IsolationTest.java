package dev.trent;

import static dev.trent.support.AwsErrors.CIPHERTEXT_KEY_NOT_ACCESSIBLE;
import static dev.trent.support.AwsErrors.assertAccessDenied;
import static dev.trent.support.AwsErrors.assertAwsError;
import static dev.trent.support.AwsErrors.notAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.TrentServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Accounts and regions are isolated: what one account creates in one region is invisible and
 * unusable elsewhere. The caller's account is the access key id when it has twelve digits, its
 * region the SigV4 credential scope; unsigned requests and other access key ids belong to the
 * default account 000000000000 (in us-east-1 when unsigned).
 */
class IsolationTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final String ACCOUNT = TrentServer.ACCOUNT;
    private static final String OTHER_ACCOUNT = TrentServer.OTHER_ACCOUNT;
    private static final String REGION = TrentServer.REGION;
    private static final String OTHER_REGION = TrentServer.OTHER_REGION;
    private static final String DEFAULT_ACCOUNT = "000000000000";
    private static final Pattern ARN_FIELD = Pattern.compile("\"(?:Arn|KeyArn)\"\\s*:\\s*\"([^\"]+)\"");

    /** One client per account and region. */
    private static final Map<Scope, KmsClient> clients = new EnumMap<>(Scope.class);
    private static HttpClient http;

    enum Scope {
        HOME(ACCOUNT, REGION),
        HOME_ACCOUNT_OTHER_REGION(ACCOUNT, OTHER_REGION),
        OTHER_ACCOUNT_HOME_REGION(OTHER_ACCOUNT, REGION),
        OTHER_ACCOUNT_OTHER_REGION(OTHER_ACCOUNT, OTHER_REGION);

        final String account;
        final String region;

        Scope(String account, String region) {
            this.account = account;
            this.region = region;
        }

        KmsClient client() {
            return clients.get(this);
        }
    }

    @BeforeAll
    static void clients() {
        for (Scope scope : Scope.values()) {
            clients.put(scope, trent.client(scope.account, scope.region));
        }
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void closeClients() {
        clients.values().forEach(KmsClient::close);
    }

    // ---------------------------------------------------------------- what each scope sees

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void createdKeyArnNamesTheCallersAccountAndRegion(Scope scope) {
        KeyMetadata key = scope.client().createKey(b -> { }).keyMetadata();

        assertThat(key.arn()).isEqualTo("arn:aws:kms:" + scope.region + ":" + scope.account + ":key/" + key.keyId());
        assertThat(key.awsAccountId()).isEqualTo(scope.account);
    }

    @Test
    void listKeysShowsOnlyTheKeysOfTheCallersAccountAndRegion() {
        Map<Scope, String> created = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            created.put(scope, scope.client().createKey(b -> { }).keyMetadata().arn());
        }

        for (Scope scope : Scope.values()) {
            List<String> listed = scope.client().listKeysPaginator(b -> { }).keys().stream()
                    .map(KeyListEntry::keyArn).toList();
            List<String> others = new ArrayList<>(created.values());
            others.remove(created.get(scope));

            assertThat(listed).as("ListKeys in %s", scope).contains(created.get(scope)).doesNotContainAnyElementsOf(others);
            assertThat(listed).as("ListKeys in %s", scope)
                    .allMatch(arn -> arn.startsWith("arn:aws:kms:" + scope.region + ":" + scope.account + ":key/"));
        }
    }

    // ---------------------------------------------------------------- naming another scope's key

    @Test
    void describeKeyOfAnotherAccountsKeyByArnIsAccessDenied() {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();

        assertAccessDenied(() -> Scope.OTHER_ACCOUNT_HOME_REGION.client().describeKey(b -> b.keyId(key.arn())),
                notAuthorized(OTHER_ACCOUNT, "kms:DescribeKey", key.arn()));
    }

    @Test
    void encryptWithAnotherAccountsKeyArnIsAccessDenied() {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();

        assertAccessDenied(() -> Scope.OTHER_ACCOUNT_HOME_REGION.client()
                .encrypt(b -> b.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("secret"))),
                notAuthorized(OTHER_ACCOUNT, "kms:Encrypt", key.arn()));
    }

    @Test
    void describeKeyOfAnotherAccountsKeyByKeyIdIsNotFound() {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();

        assertAwsError(() -> Scope.OTHER_ACCOUNT_HOME_REGION.client().describeKey(b -> b.keyId(key.keyId())),
                NotFoundException.class, "NotFoundException",
                "Key 'arn:aws:kms:" + REGION + ":" + OTHER_ACCOUNT + ":key/" + key.keyId() + "' does not exist");
    }

    @Test
    void describeKeyOfAnotherRegionsKeyByArnIsNotFound() {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();

        assertAwsError(() -> Scope.HOME_ACCOUNT_OTHER_REGION.client().describeKey(b -> b.keyId(key.arn())),
                NotFoundException.class, "NotFoundException", "Invalid arn " + REGION);
    }

    @Test
    void describeKeyOfAnotherRegionsKeyByKeyIdIsNotFound() {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();

        assertAwsError(() -> Scope.HOME_ACCOUNT_OTHER_REGION.client().describeKey(b -> b.keyId(key.keyId())),
                NotFoundException.class, "NotFoundException",
                "Key 'arn:aws:kms:" + OTHER_REGION + ":" + ACCOUNT + ":key/" + key.keyId() + "' does not exist");
    }

    // ---------------------------------------------------------------- ciphertexts stay in their scope

    static Stream<Scope> otherScopes() {
        return Stream.of(Scope.HOME_ACCOUNT_OTHER_REGION, Scope.OTHER_ACCOUNT_HOME_REGION, Scope.OTHER_ACCOUNT_OTHER_REGION);
    }

    static Stream<Arguments> scopes() {
        return Stream.of(Scope.values()).map(Arguments::of);
    }

    /**
     * AWS refuses a ciphertext whose key the caller cannot reach with AccessDeniedException, "The
     * ciphertext refers to a customer master key that does not exist, does not exist in this
     * region, or you are not allowed to access." [REAL-LOG]: the services that wrap KMS document
     * it as "The ciphertext references a key that doesn't exist or that you don't have access to".
     * With policies enforced, a key of another account in the caller's Region is found and its key
     * policy consulted (a cross-account Decrypt works when both sides allow it), so AWS's refusal is
     * then the policy's: "... is not authorized to perform: kms:Decrypt on resource: KEY-ARN because
     * no resource-based policy allows the kms:Decrypt action".
     */
    @ParameterizedTest(name = "decrypted in {0}")
    @MethodSource("otherScopes")
    void ciphertextMadeInAnotherAccountOrRegionCannotBeDecrypted(Scope decryptingScope) {
        KeyMetadata key = Scope.HOME.client().createKey(b -> { }).keyMetadata();
        SdkBytes blob = Scope.HOME.client().encrypt(b -> b.keyId(key.keyId())
                .plaintext(SdkBytes.fromUtf8String("stays home"))).ciphertextBlob();

        String message = TrentServer.enforcesPolicies() && decryptingScope == Scope.OTHER_ACCOUNT_HOME_REGION
                ? notAuthorized(OTHER_ACCOUNT, "kms:Decrypt", key.arn())
                : CIPHERTEXT_KEY_NOT_ACCESSIBLE;
        assertAccessDenied(() -> decryptingScope.client().decrypt(b -> b.ciphertextBlob(blob)), message);
    }

    // ---------------------------------------------------------------- callers without a usable identity

    @Test
    void unsignedCreateKeyMakesAKeyInTheDefaultAccountInUsEast1() throws Exception {
        String body = unsigned("CreateKey", "{}");

        assertThat(arns(body)).singleElement().asString()
                .matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void unsignedListKeysListsTheDefaultAccountsKeysOnly() throws Exception {
        String unsignedKey = arns(unsigned("CreateKey", "{}")).get(0);
        String signedKey = Scope.HOME.client().createKey(b -> { }).keyMetadata().arn();

        List<String> listed = arns(unsigned("ListKeys", "{\"Limit\":1000}"));

        assertThat(listed).contains(unsignedKey).doesNotContain(signedKey)
                .allMatch(arn -> arn.startsWith("arn:aws:kms:us-east-1:000000000000:key/"));
    }

    @Test
    void unsignedRequestsShareTheAccountOfAccessKeyId000000000000() throws Exception {
        String unsignedKey = arns(unsigned("CreateKey", "{}")).get(0);

        try (KmsClient defaultAccount = trent.client(DEFAULT_ACCOUNT, REGION)) {
            assertThat(defaultAccount.describeKey(b -> b.keyId(unsignedKey)).keyMetadata().arn()).isEqualTo(unsignedKey);
        }
    }

    @Test
    void nonNumericAccessKeyIdMapsToTheDefaultAccount() throws Exception {
        try (KmsClient example = trent.client("AKIAEXAMPLE", REGION)) {
            KeyMetadata key = example.createKey(b -> { }).keyMetadata();

            assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + key.keyId());
            assertThat(key.awsAccountId()).isEqualTo(DEFAULT_ACCOUNT);
            assertThat(arns(unsigned("ListKeys", "{\"Limit\":1000}"))).contains(key.arn());
        }
    }

    @Test
    void nonNumericAccessKeyIdKeepsTheRegionOfItsSignature() {
        try (KmsClient example = trent.client("AKIAEXAMPLE", OTHER_REGION)) {
            KeyMetadata key = example.createKey(b -> { }).keyMetadata();

            assertThat(key.arn()).isEqualTo("arn:aws:kms:eu-west-1:000000000000:key/" + key.keyId());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** An unsigned AWS JSON 1.1 request, as curl would send it; answers the response body of a 200. */
    private static String unsigned(String operation, String json) throws IOException, InterruptedException {
        URI endpoint = trent.endpoint().resolve("/");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s answered %s", operation, response.body()).isEqualTo(200);
        return response.body();
    }

    /** The values of every "Arn" and "KeyArn" field of a JSON body, in order. */
    private static List<String> arns(String body) {
        List<String> arns = new ArrayList<>();
        Matcher m = ARN_FIELD.matcher(body);
        while (m.find()) {
            arns.add(m.group(1));
        }
        return arns;
    }
}
