package dev.trent.support;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A real Trent on a free port for a test class, and AWS SDK clients pointed at it. Register with
 * {@code @RegisterExtension static final TrentServer trent = new TrentServer();}. Trent and the
 * class's shared client ({@link #kms()}) start before the class's {@code @BeforeAll} methods and
 * stop after its {@code @AfterAll} methods.
 */
public final class TrentServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCOUNT = "111122223333";
    public static final String OTHER_ACCOUNT = "444455556666";
    public static final String REGION = "us-east-1";
    public static final String OTHER_REGION = "eu-west-1";
    /** A China Region: the only ones with SM2 keys, and the only ones without ML-KEM keys. */
    public static final String CHINA_REGION = "cn-north-1";

    /**
     * Set to {@value #STORE_SQLITE} (the pom's second run of the integration tests does), every
     * test class's Trent keeps its state in a new {@code --data} store instead of memory.
     */
    public static final String STORE_PROPERTY = "trent.test.store";
    public static final String STORE_SQLITE = "sqlite";
    /**
     * Set to {@code true} (the pom's second run of the integration tests does), every test class's
     * Trent enforces key policies, IAM policies and grants ({@code --enforce-policies}) with no
     * credentials file: each caller is the root of its access key's account, so every request goes
     * through the full authorization with AWS's default key policy, which must change nothing for
     * the callers that policy allows.
     */
    public static final String ENFORCE_POLICIES_PROPERTY = "trent.test.enforcePolicies";

    private Trent trent;
    private Path dataDir;
    private KmsClient kms;
    private KmsClient china;

    @Override
    public void beforeAll(ExtensionContext context) {
        Config config = Config.defaults().withPort(0);
        if (STORE_SQLITE.equals(System.getProperty(STORE_PROPERTY))) {
            try {
                dataDir = Files.createTempDirectory("trent-it");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config = config.withStore(StoreSettings.embedded(dataDir, "integration tests".toCharArray()));
        }
        if (enforcesPolicies()) {
            config = config.withEnforcePolicies(true);
        }
        trent = new Trent(config).start();
        kms = client();
        china = client(ACCOUNT, CHINA_REGION);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            kms.close();
            china.close();
        } finally {
            trent.close();
            if (dataDir != null) {
                deleteRecursively(dataDir);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this run of the tests enforces policies (see {@link #ENFORCE_POLICIES_PROPERTY}). */
    public static boolean enforcesPolicies() {
        return Boolean.getBoolean(ENFORCE_POLICIES_PROPERTY);
    }

    public Trent trent() {
        return trent;
    }

    public URI endpoint() {
        return trent.endpoint();
    }

    /**
     * The client for the test account in the test region that the whole test class shares; this
     * extension closes it after the class, so tests must not.
     */
    public KmsClient kms() {
        return kms;
    }

    /** As {@link #kms()}, for the test account in {@link #CHINA_REGION}. */
    public KmsClient china() {
        return china;
    }

    /** A new client for the test account in the test region; the caller closes it. */
    public KmsClient client() {
        return client(ACCOUNT, REGION);
    }

    /**
     * A new client whose requests Trent attributes to this account (the access key id) and region,
     * with these interceptors; the caller closes it.
     */
    public KmsClient client(String account, String region, ExecutionInterceptor... interceptors) {
        return KmsClients.client(endpoint(), account, region, interceptors);
    }
}
