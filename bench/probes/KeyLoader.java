import java.util.Locale;

/**
 * Creates COUNT symmetric keys in a running Trent through the API (CreateKey with no parameters, so
 * SYMMETRIC_DEFAULT under the default key policy), from CONNECTIONS keep-alive connections at once.
 * Every response is checked: a key counts only when Trent answered 200 with its KeyMetadata.
 *
 * <p>Usage: KeyLoader PORT COUNT CONNECTIONS
 */
public final class KeyLoader {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        double seconds = Parallel.run(port, 0, count, connections,
                (http, i) -> Parallel.expect(http, "CreateKey", "{}", "\"KeyMetadata\""));
        System.out.printf(Locale.ROOT, "created %d keys in %.1f s (%.0f CreateKey/s, %d connections)%n",
                count, seconds, count / seconds, connections);
    }
}
