package dev.trent.junit;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import dev.trent.auth.CredentialsException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One Trent started for a {@link TrentScope}, with the clients built for it; kept in a JUnit
 * extension store, which closes it when the scope ends. Shared by the tests of its scope, which may
 * run in parallel.
 */
@SuppressWarnings("deprecation") // CloseableResource: what JUnit before 5.13 closes; later ones close AutoCloseable.
final class RunningTrent implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    /** The secret of clients when Trent checks no signatures: any will do. */
    private static final String ANY_SECRET = "test";

    private final Trent trent;
    private final Credentials credentials;
    private final String account;
    private final String region;
    private final TestFiles files;
    private final Map<ClientIdentity, KmsClient> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningTrent(Trent trent, Credentials credentials, String account, String region, TestFiles files) {
        this.trent = trent;
        this.credentials = credentials;
        this.account = account;
        this.region = region;
        this.files = files;
    }

    static RunningTrent start(TrentSettings settings) {
        TestFiles files = new TestFiles();
        try {
            List<Path> imports = new ArrayList<>();
            for (String spec : settings.imports()) {
                imports.add(files.resolve(spec, "imports"));
            }
            Credentials credentials = settings.credentials().isEmpty() ? null
                    : loadCredentials(files.resolve(settings.credentials(), "credentials"));
            String account = defaultAccount(settings.account(), credentials);
            Config config = Config.defaults()
                    .withPort(0)
                    .withDefaultAccount(account)
                    .withDefaultRegion(settings.region())
                    .withImports(imports)
                    .withCredentials(credentials)
                    .withEnforcePolicies(settings.enforcePolicies().asConfig());
            Trent trent = new Trent(config).start();
            return new RunningTrent(trent, credentials, account, settings.region(), files);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    private static Credentials loadCredentials(Path file) {
        try {
            Credentials credentials = Credentials.load(file);
            if (credentials.size() == 0) {
                throw new ExtensionConfigurationException("@WithTrent(credentials): " + file + " lists no access key");
            }
            return credentials;
        } catch (CredentialsException e) {
            throw new ExtensionConfigurationException("@WithTrent(credentials): " + e.getMessage(), e);
        }
    }

    private static String defaultAccount(String account, Credentials credentials) {
        if (!account.isEmpty()) {
            return account;
        }
        return credentials != null ? credentials.all().get(0).accountId() : Config.defaults().defaultAccount();
    }

    Trent trent() {
        return trent;
    }

    URI endpoint() {
        return trent.endpoint();
    }

    /** The client for {@code choice} (null: the default account and Region), built once. */
    KmsClient client(FromTrent choice) {
        ClientIdentity identity = identity(choice);
        if (closed.get()) {
            throw new IllegalStateException("this Trent is closed: its scope has ended");
        }
        return clients.computeIfAbsent(identity, id -> TrentClients.build(trent.endpoint(), id));
    }

    private ClientIdentity identity(FromTrent choice) {
        String wantedAccount = choice == null || choice.account().isEmpty() ? account : choice.account();
        String wantedRegion = choice == null || choice.region().isEmpty() ? region : choice.region();
        String accessKey = choice == null ? "" : choice.accessKey();
        if (credentials == null) {
            if (!accessKey.isEmpty()) {
                throw new ExtensionConfigurationException("@FromTrent(accessKey = \"" + accessKey
                        + "\") needs @WithTrent(credentials = ...): without a credentials file the access key"
                        + " is the account (use @FromTrent(account = ...))");
            }
            // Without --credentials, Trent takes a 12-digit access key id for the account.
            return new ClientIdentity(wantedAccount, ANY_SECRET, null, wantedRegion);
        }
        Credential credential = accessKey.isEmpty() ? credentialOf(wantedAccount) : credential(accessKey);
        if (choice != null && !choice.account().isEmpty() && !credential.accountId().equals(choice.account())) {
            throw new ExtensionConfigurationException("@FromTrent: access key " + accessKey + " acts in account "
                    + credential.accountId() + ", not " + choice.account());
        }
        return new ClientIdentity(credential.accessKey(), credential.secretKey(), credential.sessionToken(), wantedRegion);
    }

    private Credential credential(String accessKey) {
        return credentials.find(accessKey).orElseThrow(() -> new ExtensionConfigurationException(
                "@FromTrent(accessKey = \"" + accessKey + "\"): not an access key of the credentials file"));
    }

    /** The account's root key when the file has one, else its first key. */
    private Credential credentialOf(String wanted) {
        List<Credential> ofAccount = credentials.all().stream().filter(c -> c.accountId().equals(wanted)).toList();
        if (ofAccount.isEmpty()) {
            throw new ExtensionConfigurationException("The credentials file has no access key of account " + wanted);
        }
        return ofAccount.stream().filter(c -> c.principal() == null || c.principal().endsWith(":root"))
                .findFirst().orElse(ofAccount.get(0));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            clients.values().forEach(KmsClient::close);
            clients.clear();
        } finally {
            try {
                trent.close();
            } finally {
                files.close();
            }
        }
    }
}
