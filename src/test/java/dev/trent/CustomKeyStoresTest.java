package dev.trent;

import static dev.trent.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ResponseBodies;
import dev.trent.support.TrentServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CloudHsmClusterInUseException;
import software.amazon.awssdk.services.kms.model.ConnectionErrorCodeType;
import software.amazon.awssdk.services.kms.model.ConnectionStateType;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreHasCmKsException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreInvalidStateException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreNameInUseException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreNotFoundException;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.XksKeyAlreadyInUseException;
import software.amazon.awssdk.services.kms.model.XksKeyInvalidConfigurationException;
import software.amazon.awssdk.services.kms.model.XksKeyNotFoundException;
import software.amazon.awssdk.services.kms.model.XksProxyConfigurationType;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;
import software.amazon.awssdk.services.kms.model.XksProxyIncorrectAuthenticationCredentialException;
import software.amazon.awssdk.services.kms.model.XksProxyUriEndpointInUseException;
import software.amazon.awssdk.services.kms.model.XksProxyUriInUseException;
import software.amazon.awssdk.services.kms.model.XksProxyUriUnreachableException;
import software.amazon.awssdk.services.kms.model.XksProxyVpcEndpointServiceInUseException;

/**
 * Custom key stores, CloudHSM and external, with the simulated cluster and proxy behind them:
 * creation with each type's parameters and AWS's uniqueness rules, DescribeCustomKeyStores, the
 * connection lifecycle on Trent's clock, updates by connection state, deletion, keys created in
 * them (usable while connected, Unavailable while not), and GenerateRandom in a CloudHSM key store.
 */
class CustomKeyStoresTest {
    @RegisterExtension
    static final TrentServer trent = new TrentServer();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRUST_ANCHOR =
            "-----BEGIN CERTIFICATE-----\nMIIC...customerCA\n-----END CERTIFICATE-----";
    private static final String PASSWORD = "kmsuser-password";
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG+/=";
    /** How long a simulated connection attempt takes on Trent's clock. */
    private static final Duration CONNECT_TIME = Duration.ofSeconds(2);

    private final KmsClient kms = trent.kms();

    // ---------------------------------------------------------------- names the tests make unique

    private static String letters(int count) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String name() {
        return "store-" + letters(10);
    }

    private static String clusterId() {
        return "cluster-" + letters(11);
    }

    private static String endpoint() {
        return "https://xks-" + letters(10) + ".example.com";
    }

    private static String accessKeyId() {
        return ("AKIA" + letters(16)).toUpperCase();
    }

    private static String vpcService() {
        return "com.amazonaws.vpce.us-east-1.vpce-svc-" + letters(12);
    }

    // ---------------------------------------------------------------- helpers

    private static CreateCustomKeyStoreRequest.Builder cloudHsm(String name, String cluster) {
        return CreateCustomKeyStoreRequest.builder().customKeyStoreName(name).cloudHsmClusterId(cluster)
                .trustAnchorCertificate(TRUST_ANCHOR).keyStorePassword(PASSWORD);
    }

    private static CreateCustomKeyStoreRequest.Builder publicXks(String name, String endpoint, String path) {
        return CreateCustomKeyStoreRequest.builder().customKeyStoreName(name)
                .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
                .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT)
                .xksProxyUriEndpoint(endpoint).xksProxyUriPath(path)
                .xksProxyAuthenticationCredential(c -> c.accessKeyId(accessKeyId()).rawSecretAccessKey(SECRET));
    }

    private static CreateCustomKeyStoreRequest.Builder vpcXks(String name, String endpoint, String service) {
        return publicXks(name, endpoint, "/kms/xks/v1")
                .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE)
                .xksProxyVpcEndpointServiceName(service);
    }

    private String create(CreateCustomKeyStoreRequest.Builder request) {
        return kms.createCustomKeyStore(request.build()).customKeyStoreId();
    }

    private CustomKeyStoresListEntry describe(String id) {
        List<CustomKeyStoresListEntry> stores = kms.describeCustomKeyStores(b -> b.customKeyStoreId(id))
                .customKeyStores();
        assertThat(stores).hasSize(1);
        return stores.get(0);
    }

    private ConnectionStateType state(String id) {
        return describe(id).connectionState();
    }

    /** Connects the key store and lets the clock pass the connection attempt. */
    private void connect(String id) {
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        trent.trent().clock().advance(CONNECT_TIME);
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTED);
    }

    private String connectedCloudHsm() {
        String id = create(cloudHsm(name(), clusterId()));
        connect(id);
        return id;
    }

    private String connectedXks() {
        String id = create(publicXks(name(), endpoint(), "/kms/xks/v1"));
        connect(id);
        return id;
    }

    private KeyMetadata cloudHsmKey(String storeId) {
        return kms.createKey(b -> b.customKeyStoreId(storeId).origin(OriginType.AWS_CLOUDHSM)).keyMetadata();
    }

    private KeyMetadata xksKey(String storeId, String xksKeyId) {
        return kms.createKey(b -> b.customKeyStoreId(storeId).origin(OriginType.EXTERNAL_KEY_STORE)
                .xksKeyId(xksKeyId)).keyMetadata();
    }

    private static void assertValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            String message) {
        assertAwsError(call, KmsException.class, "ValidationException", message);
    }

    private static String invalidState(String id, String state, String needed) {
        return "Custom key store " + id + " is " + state + "; this operation requires it to be " + needed + ".";
    }

    // ---------------------------------------------------------------- CreateCustomKeyStore and Describe

    @Test
    void createsACloudHsmKeyStoreDisconnectedWithEveryFieldAwsReturns() {
        String name = name();
        String cluster = clusterId();
        Instant before = Instant.now().minusSeconds(1);
        String id = create(cloudHsm(name, cluster)); // CustomKeyStoreType left out: AWS_CLOUDHSM by default

        assertThat(id).matches("cks-[0-9a-f]{17}");
        CustomKeyStoresListEntry store = describe(id);
        assertThat(store.customKeyStoreId()).isEqualTo(id);
        assertThat(store.customKeyStoreName()).isEqualTo(name);
        assertThat(store.customKeyStoreType()).isEqualTo(CustomKeyStoreType.AWS_CLOUDHSM);
        assertThat(store.cloudHsmClusterId()).isEqualTo(cluster);
        assertThat(store.trustAnchorCertificate()).isEqualTo(TRUST_ANCHOR);
        assertThat(store.connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
        assertThat(store.connectionErrorCode()).isNull();
        assertThat(store.creationDate()).isAfter(before).isBefore(trent.trent().clock().instant().plusSeconds(1));
        assertThat(store.xksProxyConfiguration()).isNull();

        assertThat(kms.describeCustomKeyStores(b -> b.customKeyStoreName(name)).customKeyStores())
                .containsExactly(store);
    }

    @Test
    void createsAnExternalKeyStoreWithAPublicEndpointAndNeverShowsTheSecret() {
        ResponseBodies bodies = new ResponseBodies();
        try (KmsClient recorded = trent.client(TrentServer.ACCOUNT, TrentServer.REGION, bodies)) {
            String endpoint = endpoint();
            String accessKeyId = accessKeyId();
            String id = recorded.createCustomKeyStore(publicXks(name(), endpoint, "/prefix/kms/xks/v1")
                    .xksProxyAuthenticationCredential(c -> c.accessKeyId(accessKeyId).rawSecretAccessKey(SECRET))
                    .build()).customKeyStoreId();

            CustomKeyStoresListEntry store = recorded.describeCustomKeyStores(b -> b.customKeyStoreId(id))
                    .customKeyStores().get(0);
            assertThat(store.customKeyStoreType()).isEqualTo(CustomKeyStoreType.EXTERNAL_KEY_STORE);
            assertThat(store.connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
            assertThat(store.cloudHsmClusterId()).isNull();
            assertThat(store.trustAnchorCertificate()).isNull();
            assertThat(store.xksProxyConfiguration()).isEqualTo(XksProxyConfigurationType.builder()
                    .connectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT)
                    .accessKeyId(accessKeyId)
                    .uriEndpoint(endpoint)
                    .uriPath("/prefix/kms/xks/v1")
                    .build());
            assertThat(bodies.last).contains(accessKeyId).doesNotContain(SECRET).doesNotContain("Secret");
        }
    }

    @Test
    void aVpcEndpointServiceBelongsToTheCallerUnlessAnotherOwnerIsGiven() {
        String service = vpcService();
        String defaulted = create(vpcXks(name(), endpoint(), service));
        XksProxyConfigurationType proxy = describe(defaulted).xksProxyConfiguration();
        assertThat(proxy.connectivity()).isEqualTo(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE);
        assertThat(proxy.vpcEndpointServiceName()).isEqualTo(service);
        assertThat(proxy.vpcEndpointServiceOwner()).isEqualTo(TrentServer.ACCOUNT);

        String owned = create(vpcXks(name(), endpoint(), vpcService()).xksProxyVpcEndpointServiceOwner("999988887777"));
        assertThat(describe(owned).xksProxyConfiguration().vpcEndpointServiceOwner()).isEqualTo("999988887777");
    }

    @Test
    void namesAreUniquePerAccountAndRegion() {
        String name = name();
        create(cloudHsm(name, clusterId()));
        assertAwsError(() -> create(cloudHsm(name, clusterId())), CustomKeyStoreNameInUseException.class,
                "CustomKeyStoreNameInUseException",
                "A custom key store with name " + name + " already exists in this account and Region.");
        assertAwsError(() -> create(publicXks(name, endpoint(), "/kms/xks/v1")),
                CustomKeyStoreNameInUseException.class, "CustomKeyStoreNameInUseException");
        try (KmsClient otherRegion = trent.client(TrentServer.ACCOUNT, TrentServer.OTHER_REGION)) {
            assertThat(otherRegion.createCustomKeyStore(cloudHsm(name, clusterId()).build()).customKeyStoreId())
                    .startsWith("cks-");
        }
    }

    @Test
    void aClusterBacksOneKeyStore() {
        String cluster = clusterId();
        String first = create(cloudHsm(name(), cluster));
        assertAwsError(() -> create(cloudHsm(name(), cluster)), CloudHsmClusterInUseException.class,
                "CloudHsmClusterInUseException",
                "CloudHSM cluster " + cluster + " is already associated with custom key store " + first + ".");
    }

    @Test
    void proxyAddressesFollowAwsUniquenessRules() {
        String endpoint = endpoint();
        String first = create(publicXks(name(), endpoint, "/kms/xks/v1"));
        assertAwsError(() -> create(publicXks(name(), endpoint, "/kms/xks/v1")), XksProxyUriInUseException.class,
                "XksProxyUriInUseException", "The XksProxyUriEndpoint and XksProxyUriPath " + endpoint
                        + "/kms/xks/v1 are already associated with custom key store " + first + ".");
        // public key stores may share an endpoint under other paths ...
        String second = create(publicXks(name(), endpoint, "/other/kms/xks/v1"));
        // ... but not with a key store that reaches it through a VPC endpoint service
        XksProxyUriEndpointInUseException e = assertAwsError(() -> create(vpcXks(name(), endpoint, vpcService())
                        .xksProxyUriPath("/vpc/kms/xks/v1")),
                XksProxyUriEndpointInUseException.class, "XksProxyUriEndpointInUseException");
        assertThat(e.awsErrorDetails().errorMessage()).isIn(
                "The XksProxyUriEndpoint " + endpoint + " is already associated with custom key store " + first + ".",
                "The XksProxyUriEndpoint " + endpoint + " is already associated with custom key store " + second + ".");

        String service = vpcService();
        String vpc = create(vpcXks(name(), endpoint(), service));
        assertAwsError(() -> create(vpcXks(name(), endpoint(), service)),
                XksProxyVpcEndpointServiceInUseException.class,
                "XksProxyVpcEndpointServiceInUseException", "The VPC endpoint service " + service
                        + " is already associated with custom key store " + vpc + ".");
    }

    @Test
    void eachTypeRequiresItsOwnParametersAndNoOthers() {
        assertValidation(() -> create(cloudHsm(name(), null)),
                "CloudHsmClusterId is required for custom key stores with a CustomKeyStoreType of AWS_CLOUDHSM.");
        assertValidation(() -> create(cloudHsm(name(), clusterId()).trustAnchorCertificate(null)),
                "TrustAnchorCertificate is required for custom key stores with a CustomKeyStoreType of AWS_CLOUDHSM.");
        assertValidation(() -> create(cloudHsm(name(), clusterId()).keyStorePassword(null)),
                "KeyStorePassword is required for custom key stores with a CustomKeyStoreType of AWS_CLOUDHSM.");
        assertValidation(() -> create(cloudHsm(name(), clusterId()).xksProxyUriPath("/kms/xks/v1")),
                "The XksProxy parameters are valid only for custom key stores with a CustomKeyStoreType of "
                        + "EXTERNAL_KEY_STORE.");
        assertValidation(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1").keyStorePassword(PASSWORD)),
                "CloudHsmClusterId, TrustAnchorCertificate and KeyStorePassword are valid only for custom key stores "
                        + "with a CustomKeyStoreType of AWS_CLOUDHSM.");
        assertValidation(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1").xksProxyConnectivity(
                        (String) null)),
                "XksProxyConnectivity is required for custom key stores with a CustomKeyStoreType of "
                        + "EXTERNAL_KEY_STORE.");
        assertValidation(() -> create(publicXks(name(), null, "/kms/xks/v1")),
                "XksProxyUriEndpoint is required for custom key stores with a CustomKeyStoreType of "
                        + "EXTERNAL_KEY_STORE.");
        assertValidation(() -> create(publicXks(name(), endpoint(), null)),
                "XksProxyUriPath is required for custom key stores with a CustomKeyStoreType of EXTERNAL_KEY_STORE.");
        assertValidation(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1")
                        .xksProxyAuthenticationCredential((software.amazon.awssdk.services.kms.model
                                .XksProxyAuthenticationCredentialType) null)),
                "XksProxyAuthenticationCredential is required for custom key stores with a CustomKeyStoreType of "
                        + "EXTERNAL_KEY_STORE.");
        assertValidation(() -> create(vpcXks(name(), endpoint(), null)),
                "XksProxyVpcEndpointServiceName is required when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.");
        assertValidation(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1")
                        .xksProxyVpcEndpointServiceName(vpcService())),
                "XksProxyVpcEndpointServiceName and XksProxyVpcEndpointServiceOwner are valid only when "
                        + "XksProxyConnectivity is VPC_ENDPOINT_SERVICE.");
    }

    @Test
    void requestsOutsideAwsConstraintsAreValidationErrors() {
        assertAwsError(() -> create(cloudHsm(name(), "cluster-1")), KmsException.class, "ValidationException");
        assertAwsError(() -> create(publicXks(name(), "http://plain.example.com", "/kms/xks/v1")),
                KmsException.class, "ValidationException");
        assertAwsError(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1/extra")), KmsException.class,
                "ValidationException");
        assertAwsError(() -> create(vpcXks(name(), endpoint(), vpcService()).xksProxyVpcEndpointServiceOwner("12345")),
                KmsException.class, "ValidationException",
                "1 validation error detected: Value '12345' at 'xksProxyVpcEndpointServiceOwner' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 12");
        assertAwsError(() -> create(vpcXks(name(), endpoint(), vpcService()).xksProxyVpcEndpointServiceOwner(
                        "12345678901x")), KmsException.class, "ValidationException",
                "1 validation error detected: Value '12345678901x' at 'xksProxyVpcEndpointServiceOwner' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}");
        assertAwsError(() -> create(vpcXks(name(), endpoint(), "com.example.vpce.us-east-1.vpce-svc-1")),
                KmsException.class, "ValidationException");
        assertAwsError(() -> create(cloudHsm(name(), clusterId()).keyStorePassword("short")), KmsException.class,
                "ValidationException");
        // AWS takes VPC endpoint service names of the eu. partition too
        String euService = "eu.amazonaws.vpce.eu-west-1.vpce-svc-" + letters(12);
        assertThat(describe(create(vpcXks(name(), endpoint(), euService))).xksProxyConfiguration()
                .vpcEndpointServiceName()).isEqualTo(euService);
    }

    @Test
    void describesByIdOrNameAndRefusesUnknownOnes() {
        assertAwsError(() -> kms.describeCustomKeyStores(b -> b.customKeyStoreId("cks-0123456789abcdef0")),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException",
                "Custom key store with ID cks-0123456789abcdef0 does not exist.");
        assertAwsError(() -> kms.describeCustomKeyStores(b -> b.customKeyStoreName("no-such-store")),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException",
                "Custom key store with name no-such-store does not exist.");
        String name = name();
        String id = create(cloudHsm(name, clusterId()));
        assertValidation(() -> kms.describeCustomKeyStores(b -> b.customKeyStoreId(id).customKeyStoreName(name)),
                "You can specify either CustomKeyStoreId or CustomKeyStoreName, but not both.");
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            assertAwsError(() -> other.describeCustomKeyStores(b -> b.customKeyStoreId(id)),
                    CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException");
        }
    }

    @Test
    void describesAllKeyStoresOfTheAccountPageByPage() {
        try (KmsClient fresh = trent.client("222233334444", TrentServer.REGION)) {
            assertThat(fresh.describeCustomKeyStores(b -> { }).customKeyStores()).isEmpty();
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(fresh.createCustomKeyStore(cloudHsm(name(), clusterId()).build()).customKeyStoreId());
            }
            List<String> seen = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String from = marker;
                DescribeCustomKeyStoresResponse page = fresh.describeCustomKeyStores(b -> b.limit(2).marker(from));
                assertThat(page.customKeyStores()).hasSizeLessThanOrEqualTo(2);
                page.customKeyStores().forEach(s -> seen.add(s.customKeyStoreId()));
                assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
                marker = page.nextMarker();
                pages++;
            } while (marker != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
            assertThat(fresh.describeCustomKeyStores(b -> { }).customKeyStores()).hasSize(5);
            assertAwsError(() -> fresh.describeCustomKeyStores(b -> b.marker("not-a-marker")),
                    InvalidMarkerException.class, "InvalidMarkerException", "Invalid marker");
        }
    }

    // ---------------------------------------------------------------- Connect and Disconnect

    @Test
    void connectingTakesTimeOnTrentsClockThenTheKeyStoreIsConnected() {
        String id = create(cloudHsm(name(), clusterId()));
        assertThat(state(id)).isEqualTo(ConnectionStateType.DISCONNECTED);

        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTING);
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id)); // valid while connecting: changes nothing
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTING);

        trent.trent().clock().advance(CONNECT_TIME);
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTED);
        assertThat(describe(id).connectionErrorCode()).isNull();
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id)); // and while connected
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTED);

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertThat(state(id)).isEqualTo(ConnectionStateType.DISCONNECTED);
        assertAwsError(() -> kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "DISCONNECTED", "connected, connecting or failed"));
    }

    @Test
    void anExternalKeyStoreConnectsToItsProxy() {
        String id = create(vpcXks(name(), endpoint(), vpcService()));
        connect(id);
        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertThat(state(id)).isEqualTo(ConnectionStateType.DISCONNECTED);
    }

    @Test
    void aRejectedPasswordFailsTheConnectionUntilDisconnectedAndFixed() {
        String id = create(cloudHsm(name(), clusterId()).keyStorePassword("invalid-password"));
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertThat(state(id)).isEqualTo(ConnectionStateType.CONNECTING);
        trent.trent().clock().advance(CONNECT_TIME);
        CustomKeyStoresListEntry failed = describe(id);
        assertThat(failed.connectionState()).isEqualTo(ConnectionStateType.FAILED);
        assertThat(failed.connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.INVALID_CREDENTIALS);

        assertAwsError(() -> kms.connectCustomKeyStore(b -> b.customKeyStoreId(id)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "FAILED", "disconnected or connected"));
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).keyStorePassword(PASSWORD)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "FAILED", "disconnected"));

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        CustomKeyStoresListEntry disconnected = describe(id);
        assertThat(disconnected.connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
        assertThat(disconnected.connectionErrorCode()).isNull();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).keyStorePassword(PASSWORD));
        connect(id);
    }

    @Test
    void aRejectedProxyCredentialFailsAtCreationOrConnection() {
        assertAwsError(() -> create(publicXks(name(), endpoint(), "/kms/xks/v1")
                        .xksProxyAuthenticationCredential(c -> c.accessKeyId("INVALIDKEY234567ABCDEF")
                                .rawSecretAccessKey(SECRET))),
                XksProxyIncorrectAuthenticationCredentialException.class,
                "XksProxyIncorrectAuthenticationCredentialException",
                "The external key store proxy rejected the XksProxyAuthenticationCredential with AccessKeyId "
                        + "INVALIDKEY234567ABCDEF.");
        // through a VPC endpoint service, KMS reaches the proxy only when connecting
        String id = create(vpcXks(name(), endpoint(), vpcService())
                .xksProxyAuthenticationCredential(c -> c.accessKeyId("INVALIDKEY234567ABCDEF")
                        .rawSecretAccessKey(SECRET)));
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        trent.trent().clock().advance(CONNECT_TIME);
        assertThat(describe(id).connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.INVALID_CREDENTIALS);
    }

    @Test
    void anUnreachableProxyFailsAtCreationOrConnection() {
        String unreachable = "https://unreachable-" + letters(8) + ".example.com";
        assertAwsError(() -> create(publicXks(name(), unreachable, "/kms/xks/v1")),
                XksProxyUriUnreachableException.class, "XksProxyUriUnreachableException",
                "KMS cannot reach the external key store proxy at " + unreachable + "/kms/xks/v1.");
        String id = create(vpcXks(name(), unreachable, vpcService()));
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        trent.trent().clock().advance(CONNECT_TIME);
        CustomKeyStoresListEntry failed = describe(id);
        assertThat(failed.connectionState()).isEqualTo(ConnectionStateType.FAILED);
        assertThat(failed.connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.XKS_PROXY_NOT_REACHABLE);
    }

    @Test
    void connectionOperationsRefuseUnknownKeyStores() {
        String unknown = "cks-0123456789abcdef1";
        String message = "Custom key store with ID " + unknown + " does not exist.";
        assertAwsError(() -> kms.connectCustomKeyStore(b -> b.customKeyStoreId(unknown)),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException", message);
        assertAwsError(() -> kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(unknown)),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException", message);
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(unknown).newCustomKeyStoreName("x")),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException", message);
        assertAwsError(() -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(unknown)),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException", message);
    }

    // ---------------------------------------------------------------- UpdateCustomKeyStore

    @Test
    void aConnectedCloudHsmKeyStoreMayOnlyBeRenamed() {
        String id = connectedCloudHsm();
        String newName = name();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).newCustomKeyStoreName(newName));
        assertThat(describe(id).customKeyStoreName()).isEqualTo(newName);

        String cluster = clusterId();
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).cloudHsmClusterId(cluster)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "CONNECTED", "disconnected"));
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).keyStorePassword("new-password")),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException");

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).cloudHsmClusterId(cluster).keyStorePassword("new-pass"));
        assertThat(describe(id).cloudHsmClusterId()).isEqualTo(cluster);
        assertThat(describe(id).connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
    }

    @Test
    void updatesKeepNamesAndClustersUniqueAndParametersToTheirType() {
        String taken = name();
        String takenCluster = clusterId();
        create(cloudHsm(taken, takenCluster));
        String id = create(cloudHsm(name(), clusterId()));
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).newCustomKeyStoreName(taken)),
                CustomKeyStoreNameInUseException.class, "CustomKeyStoreNameInUseException",
                "A custom key store with name " + taken + " already exists in this account and Region.");
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).cloudHsmClusterId(takenCluster)),
                CloudHsmClusterInUseException.class, "CloudHsmClusterInUseException");
        assertValidation(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).xksProxyUriPath("/kms/xks/v2")),
                "The XksProxy parameters are valid only for custom key stores with a CustomKeyStoreType of "
                        + "EXTERNAL_KEY_STORE.");
        String xks = create(publicXks(name(), endpoint(), "/kms/xks/v1"));
        assertValidation(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(xks).keyStorePassword(PASSWORD)),
                "CloudHsmClusterId and KeyStorePassword are valid only for custom key stores with a "
                        + "CustomKeyStoreType of AWS_CLOUDHSM.");
        // renaming to its own name is no conflict
        String own = describe(id).customKeyStoreName();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).newCustomKeyStoreName(own));
    }

    @Test
    void aConnectedExternalKeyStoreMayChangeItsNamePathAndCredentialOnly() {
        String id = connectedXks();
        String accessKeyId = accessKeyId();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).xksProxyUriPath("/v2/kms/xks/v2")
                .xksProxyAuthenticationCredential(c -> c.accessKeyId(accessKeyId).rawSecretAccessKey(SECRET)));
        XksProxyConfigurationType proxy = describe(id).xksProxyConfiguration();
        assertThat(proxy.uriPath()).isEqualTo("/v2/kms/xks/v2");
        assertThat(proxy.accessKeyId()).isEqualTo(accessKeyId);

        String newEndpoint = endpoint();
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id).xksProxyUriEndpoint(newEndpoint)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "CONNECTED", "disconnected"));

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertValidation(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id)
                        .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE)),
                "When you change XksProxyConnectivity, you must also change XksProxyUriEndpoint.");
        assertValidation(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(id)
                        .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE)
                        .xksProxyUriEndpoint(newEndpoint)),
                "XksProxyVpcEndpointServiceName is required when XksProxyConnectivity is VPC_ENDPOINT_SERVICE.");
        String service = vpcService();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id)
                .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE)
                .xksProxyUriEndpoint(newEndpoint).xksProxyVpcEndpointServiceName(service));
        proxy = describe(id).xksProxyConfiguration();
        assertThat(proxy.connectivity()).isEqualTo(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE);
        assertThat(proxy.uriEndpoint()).isEqualTo(newEndpoint);
        assertThat(proxy.vpcEndpointServiceName()).isEqualTo(service);
        assertThat(proxy.vpcEndpointServiceOwner()).isEqualTo(TrentServer.ACCOUNT);

        // and back to a public endpoint: the VPC endpoint service goes with it
        String publicEndpoint = endpoint();
        kms.updateCustomKeyStore(b -> b.customKeyStoreId(id)
                .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT).xksProxyUriEndpoint(publicEndpoint));
        proxy = describe(id).xksProxyConfiguration();
        assertThat(proxy.connectivity()).isEqualTo(XksProxyConnectivityType.PUBLIC_ENDPOINT);
        assertThat(proxy.vpcEndpointServiceName()).isNull();
        assertThat(proxy.vpcEndpointServiceOwner()).isNull();
    }

    @Test
    void updatesKeepProxyAddressesUnique() {
        String endpoint = endpoint();
        String first = create(publicXks(name(), endpoint, "/kms/xks/v1"));
        String second = create(publicXks(name(), endpoint, "/two/kms/xks/v1"));
        assertAwsError(() -> kms.updateCustomKeyStore(b -> b.customKeyStoreId(second).xksProxyUriPath("/kms/xks/v1")),
                XksProxyUriInUseException.class, "XksProxyUriInUseException", "The XksProxyUriEndpoint and "
                        + "XksProxyUriPath " + endpoint + "/kms/xks/v1 are already associated with custom key store "
                        + first + ".");
        assertThat(describe(second).xksProxyConfiguration().uriPath()).isEqualTo("/two/kms/xks/v1");
    }

    // ---------------------------------------------------------------- DeleteCustomKeyStore

    @Test
    void onlyADisconnectedKeyStoreWithoutKeysIsDeleted() {
        String id = connectedCloudHsm();
        KeyMetadata key = cloudHsmKey(id);
        assertAwsError(() -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(id)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "CONNECTED", "disconnected"));

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        String hasKeys = "Custom key store " + id + " contains KMS keys. Delete them (ScheduleKeyDeletion) before "
                + "deleting the custom key store.";
        assertAwsError(() -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(id)),
                CustomKeyStoreHasCmKsException.class, "CustomKeyStoreHasCMKsException", hasKeys);

        // a key waiting to be deleted still counts
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        assertAwsError(() -> kms.deleteCustomKeyStore(b -> b.customKeyStoreId(id)),
                CustomKeyStoreHasCmKsException.class, "CustomKeyStoreHasCMKsException", hasKeys);

        trent.trent().clock().advance(Duration.ofDays(7).plusMinutes(1));
        kms.deleteCustomKeyStore(b -> b.customKeyStoreId(id));
        assertAwsError(() -> kms.describeCustomKeyStores(b -> b.customKeyStoreId(id)),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException");
    }

    // ---------------------------------------------------------------- keys in custom key stores

    @Test
    void aKeyInACloudHsmKeyStoreEncryptsWhileConnected() {
        String id = connectedCloudHsm();
        String cluster = describe(id).cloudHsmClusterId();
        KeyMetadata key = cloudHsmKey(id);
        assertThat(key.origin()).isEqualTo(OriginType.AWS_CLOUDHSM);
        assertThat(key.customKeyStoreId()).isEqualTo(id);
        assertThat(key.cloudHsmClusterId()).isEqualTo(cluster);
        assertThat(key.xksKeyConfiguration()).isNull();
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata()).isEqualTo(key);

        SdkBytes plaintext = SdkBytes.fromUtf8String("held in the HSM");
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(plaintext)
                .encryptionContext(Map.of("purpose", "test"))).ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(Map.of("purpose", "test")))
                .plaintext()).isEqualTo(plaintext);
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext())
                .isEqualTo(dataKey.plaintext());
    }

    @Test
    void aKeyInAnExternalKeyStoreNamesItsExternalKey() {
        String id = connectedXks();
        KeyMetadata key = xksKey(id, "external-key-1");
        assertThat(key.origin()).isEqualTo(OriginType.EXTERNAL_KEY_STORE);
        assertThat(key.customKeyStoreId()).isEqualTo(id);
        assertThat(key.cloudHsmClusterId()).isNull();
        assertThat(key.xksKeyConfiguration().id()).isEqualTo("external-key-1");
        assertThat(kms.describeKey(b -> b.keyId(key.arn())).keyMetadata().xksKeyConfiguration().id())
                .isEqualTo("external-key-1");

        SdkBytes plaintext = SdkBytes.fromUtf8String("doubly encrypted");
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(plaintext)).ciphertextBlob();
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);

        // one KMS key per external key in a key store; another key store may use the same id
        assertAwsError(() -> xksKey(id, "external-key-1"), XksKeyAlreadyInUseException.class,
                "XksKeyAlreadyInUseException", "The external key external-key-1 is already associated with another "
                        + "KMS key in custom key store " + id + ".");
        assertThat(xksKey(connectedXks(), "external-key-1").xksKeyConfiguration().id()).isEqualTo("external-key-1");
    }

    @Test
    void theExternalKeyMustExistAndBeUsable() {
        String id = connectedXks();
        assertAwsError(() -> xksKey(id, "missing-key"), XksKeyNotFoundException.class, "XksKeyNotFoundException",
                "The external key store proxy could not find the external key missing-key.");
        assertAwsError(() -> xksKey(id, "unusable-key"), XksKeyInvalidConfigurationException.class,
                "XksKeyInvalidConfigurationException", "The external key unusable-key is not an enabled AES-256 "
                        + "symmetric key that performs encryption and decryption.");
    }

    @Test
    void keysAreUnavailableWhileTheirKeyStoreIsDisconnected() {
        String id = connectedCloudHsm();
        KeyMetadata key = cloudHsmKey(id);
        SdkBytes plaintext = SdkBytes.fromUtf8String("needs the cluster");
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(plaintext)).ciphertextBlob();

        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        KeyMetadata unavailable = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertThat(unavailable.keyState()).isEqualTo(KeyState.UNAVAILABLE);
        assertThat(unavailable.enabled()).isFalse();
        String message = key.arn() + " is unavailable.";
        assertAwsError(() -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(plaintext)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        assertAwsError(() -> kms.decrypt(b -> b.ciphertextBlob(ciphertext)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        assertAwsError(() -> kms.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(32)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        assertAwsError(() -> kms.reEncrypt(b -> b.ciphertextBlob(ciphertext).destinationKeyId(key.keyId())),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        // no new keys in a disconnected key store
        assertAwsError(() -> cloudHsmKey(id), CustomKeyStoreInvalidStateException.class,
                "CustomKeyStoreInvalidStateException", invalidState(id, "DISCONNECTED", "connected"));

        // DisableKey succeeds, but the key stays Unavailable until its key store is connected again
        kms.disableKey(b -> b.keyId(key.keyId()));
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState())
                .isEqualTo(KeyState.UNAVAILABLE);
        kms.connectCustomKeyStore(b -> b.customKeyStoreId(id));
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState())
                .isEqualTo(KeyState.UNAVAILABLE); // still connecting
        trent.trent().clock().advance(CONNECT_TIME);
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        kms.enableKey(b -> b.keyId(key.keyId()));
        assertThat(kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(plaintext);
    }

    @Test
    void anUnavailableKeyCanStillBeManagedButNotUsed() {
        String id = connectedCloudHsm();
        KeyMetadata key = cloudHsmKey(id);
        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        String message = key.arn() + " is unavailable.";
        assertAwsError(() -> kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.keyId()).numberOfBytes(16)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
        assertAwsError(() -> kms.generateDataKeyPair(b -> b.keyId(key.keyId())
                        .keyPairSpec(software.amazon.awssdk.services.kms.model.DataKeyPairSpec.ECC_NIST_P256)),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);

        // AWS's key state table: these succeed on an Unavailable key
        String alias = "alias/unavailable-" + letters(8);
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
        kms.tagResource(b -> b.keyId(key.keyId()).tags(t -> t.tagKey("team").tagValue("hsm")));
        assertThat(kms.listResourceTags(b -> b.keyId(key.keyId())).tags()).hasSize(1);
        kms.untagResource(b -> b.keyId(key.keyId()).tagKeys("team"));
        kms.updateKeyDescription(b -> b.keyId(key.keyId()).description("while disconnected"));
        String policy = kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy();
        kms.putKeyPolicy(b -> b.keyId(key.keyId()).policy(policy));
        kms.enableKey(b -> b.keyId(key.keyId()));
        KeyMetadata seen = kms.describeKey(b -> b.keyId(alias)).keyMetadata();
        assertThat(seen.keyState()).isEqualTo(KeyState.UNAVAILABLE);
        assertThat(seen.description()).isEqualTo("while disconnected");
        assertAwsError(() -> kms.encrypt(b -> b.keyId(alias).plaintext(SdkBytes.fromUtf8String("x"))),
                KmsInvalidStateException.class, "KMSInvalidStateException", message);
    }

    @Test
    void aKeyPendingDeletionStaysPendingDeletionWhileItsKeyStoreIsDisconnected() {
        String id = connectedXks();
        KeyMetadata key = xksKey(id, "pending-" + letters(6));
        kms.disconnectCustomKeyStore(b -> b.customKeyStoreId(id));
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()));
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState())
                .isEqualTo(KeyState.PENDING_DELETION);
        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));
        assertThat(kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState())
                .isEqualTo(KeyState.UNAVAILABLE);
    }

    @Test
    void createKeyRefusesWhatACustomKeyStoreCannotHold() {
        String hsm = connectedCloudHsm();
        String xks = connectedXks();
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId("cks-0123456789abcdef2")
                        .origin(OriginType.AWS_CLOUDHSM)), CustomKeyStoreNotFoundException.class,
                "CustomKeyStoreNotFoundException", "Custom key store with ID cks-0123456789abcdef2 does not exist.");
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId(hsm)), UnsupportedOperationException.class,
                "UnsupportedOperationException", "Origin AWS_KMS is not valid for a KMS key in custom key store "
                        + hsm + " of type AWS_CLOUDHSM. Use Origin AWS_CLOUDHSM.");
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId(xks).origin(OriginType.AWS_CLOUDHSM)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "Origin AWS_CLOUDHSM is not valid for a KMS key in custom key store " + xks
                        + " of type EXTERNAL_KEY_STORE. Use Origin EXTERNAL_KEY_STORE.");
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId(hsm).origin(OriginType.AWS_CLOUDHSM)
                        .keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "KeySpec RSA_2048 and KeyUsage SIGN_VERIFY are not supported in a custom key store. Only symmetric "
                        + "encryption keys (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) can be created in a custom key store.");
        assertAwsError(() -> kms.createKey(b -> b.customKeyStoreId(hsm).origin(OriginType.AWS_CLOUDHSM)
                        .multiRegion(true)), UnsupportedOperationException.class, "UnsupportedOperationException",
                "You cannot create a multi-Region key in a custom key store.");
        assertValidation(() -> kms.createKey(b -> b.customKeyStoreId(xks).origin(OriginType.EXTERNAL_KEY_STORE)),
                "XksKeyId is required for a KMS key with Origin EXTERNAL_KEY_STORE.");
        assertValidation(() -> kms.createKey(b -> b.customKeyStoreId(hsm).origin(OriginType.AWS_CLOUDHSM)
                        .xksKeyId("external")),
                "XksKeyId is only valid with the CustomKeyStoreId of an external key store.");
        assertValidation(() -> kms.createKey(b -> b.origin(OriginType.AWS_CLOUDHSM)),
                "CustomKeyStoreId is required when Origin is AWS_CLOUDHSM");
        assertValidation(() -> kms.createKey(b -> b.xksKeyId("external")),
                "XksKeyId is only valid with the CustomKeyStoreId of an external key store.");
        try (KmsClient other = trent.client(TrentServer.OTHER_ACCOUNT, TrentServer.REGION)) {
            assertAwsError(() -> other.createKey(b -> b.customKeyStoreId(hsm).origin(OriginType.AWS_CLOUDHSM)),
                    CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException");
        }
    }

    // ---------------------------------------------------------------- GenerateRandom

    @Test
    void generateRandomInAConnectedCloudHsmKeyStoreOnly() {
        String id = create(cloudHsm(name(), clusterId()));
        assertAwsError(() -> kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId(id)),
                CustomKeyStoreInvalidStateException.class, "CustomKeyStoreInvalidStateException",
                invalidState(id, "DISCONNECTED", "connected"));
        connect(id);
        SdkBytes first = kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId(id)).plaintext();
        SdkBytes second = kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId(id)).plaintext();
        assertThat(first.asByteArray()).hasSize(32);
        assertThat(first).isNotEqualTo(second);

        String xks = create(publicXks(name(), endpoint(), "/kms/xks/v1"));
        assertAwsError(() -> kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId(xks)),
                UnsupportedOperationException.class, "UnsupportedOperationException",
                "GenerateRandom does not support external key stores. " + xks + " is an external key store.");
        assertAwsError(() -> kms.generateRandom(b -> b.numberOfBytes(32).customKeyStoreId("cks-0123456789abcdef3")),
                CustomKeyStoreNotFoundException.class, "CustomKeyStoreNotFoundException",
                "Custom key store with ID cks-0123456789abcdef3 does not exist.");
    }
}
