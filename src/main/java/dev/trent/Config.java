package dev.trent;

import dev.trent.auth.Credentials;
import dev.trent.control.ControlSettings;
import dev.trent.http.ServerLimits;
import dev.trent.kms.AccessMode;
import dev.trent.store.StoreSettings;
import dev.trent.tls.TlsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * How a Trent is set up.
 *
 * @param bind the address to listen on
 * @param port the port; 0 picks a free one
 * @param defaultAccount the account of requests whose access key id is not a 12-digit account id
 * @param defaultRegion the region of unsigned requests
 * @param clock the time Trent starts from; Trent's own clock runs on from it and can be moved
 * @param store where Trent keeps its state
 * @param imports key files loaded at start-up, in this order
 * @param credentials the access keys whose SigV4 signatures every request must carry, or null to
 *     accept any signature or none
 * @param enforcePolicies whether key policies, IAM policies and grants decide access; null for the
 *     default, which is to enforce them exactly when {@code credentials} are given
 * @param limits the deadlines for idle and slow clients and the bound on pending requests
 * @param control the test-control API's admin token and request log size
 * @param tls how Trent speaks HTTPS; null for plain HTTP
 */
public record Config(String bind, int port, String defaultAccount, String defaultRegion, Clock clock,
        StoreSettings store, List<Path> imports, Credentials credentials, Boolean enforcePolicies,
        ServerLimits limits, ControlSettings control, TlsSettings tls) {
    public static final int DEFAULT_PORT = 6767;

    public Config {
        imports = List.copyOf(imports);
    }

    public static Config defaults() {
        return new Config("127.0.0.1", DEFAULT_PORT, "000000000000", "us-east-1", Clock.systemUTC(),
                StoreSettings.MEMORY, List.of(), null, null, ServerLimits.DEFAULTS, ControlSettings.DEFAULTS, null);
    }

    public Config withBind(String newBind) {
        return new Config(newBind, port, defaultAccount, defaultRegion, clock, store, imports,
                credentials, enforcePolicies, limits, control, tls);
    }

    public Config withPort(int newPort) {
        return new Config(bind, newPort, defaultAccount, defaultRegion, clock, store, imports,
                credentials, enforcePolicies, limits, control, tls);
    }

    public Config withDefaultAccount(String account) {
        return new Config(bind, port, account, defaultRegion, clock, store, imports, credentials,
                enforcePolicies, limits, control, tls);
    }

    public Config withDefaultRegion(String region) {
        return new Config(bind, port, defaultAccount, region, clock, store, imports, credentials,
                enforcePolicies, limits, control, tls);
    }

    public Config withClock(Clock newClock) {
        return new Config(bind, port, defaultAccount, defaultRegion, newClock, store, imports,
                credentials, enforcePolicies, limits, control, tls);
    }

    public Config withStore(StoreSettings newStore) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, newStore, imports,
                credentials, enforcePolicies, limits, control, tls);
    }

    public Config withImports(List<Path> newImports) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, newImports,
                credentials, enforcePolicies, limits, control, tls);
    }

    public Config withCredentials(Credentials newCredentials) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, imports,
                newCredentials, enforcePolicies, limits, control, tls);
    }

    public Config withEnforcePolicies(Boolean enforce) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, imports, credentials,
                enforce, limits, control, tls);
    }

    public Config withLimits(ServerLimits newLimits) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, imports, credentials,
                enforcePolicies, newLimits, control, tls);
    }

    public Config withControl(ControlSettings newControl) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, imports, credentials,
                enforcePolicies, limits, newControl, tls);
    }

    /** With this admin token for the test-control API (which --credentials closes without one). */
    public Config withAdminToken(String token) {
        return withControl(control.withAdminToken(token));
    }

    public Config withTls(TlsSettings newTls) {
        return new Config(bind, port, defaultAccount, defaultRegion, clock, store, imports, credentials,
                enforcePolicies, limits, control, newTls);
    }

    /** How access is decided: see {@code enforcePolicies}. */
    public AccessMode accessMode() {
        boolean enforce = enforcePolicies != null ? enforcePolicies : credentials != null;
        return enforce ? AccessMode.POLICIES : AccessMode.OWN_ACCOUNT;
    }
}
