package dev.trent;

import java.time.Clock;

/**
 * How a Trent is set up.
 *
 * @param bind the address to listen on
 * @param port the port; 0 picks a free one
 * @param defaultAccount the account of requests whose access key id is not a 12-digit account id
 * @param defaultRegion the region of unsigned requests
 * @param clock the time Trent starts from; Trent's own clock runs on from it and can be moved
 */
public record Config(String bind, int port, String defaultAccount, String defaultRegion, Clock clock) {
    public static final int DEFAULT_PORT = 6767;

    public static Config defaults() {
        return new Config("127.0.0.1", DEFAULT_PORT, "000000000000", "us-east-1", Clock.systemUTC());
    }

    public Config withBind(String newBind) {
        return new Config(newBind, port, defaultAccount, defaultRegion, clock);
    }

    public Config withPort(int newPort) {
        return new Config(bind, newPort, defaultAccount, defaultRegion, clock);
    }

    public Config withDefaultAccount(String account) {
        return new Config(bind, port, account, defaultRegion, clock);
    }

    public Config withDefaultRegion(String region) {
        return new Config(bind, port, defaultAccount, region, clock);
    }

    public Config withClock(Clock newClock) {
        return new Config(bind, port, defaultAccount, defaultRegion, newClock);
    }
}
