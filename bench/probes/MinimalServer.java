import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The JVM's floor for start-up: the JDK's own HTTP server answering every request with a fixed
 * ListKeys response, started like Trent (java -jar, --port 0, one line naming the endpoint).
 */
public final class MinimalServer {
    public static void main(String[] args) throws IOException {
        int port = args.length == 2 && args[0].equals("--port") ? Integer.parseInt(args[1]) : 6767;
        byte[] body = "{\"Keys\":[],\"Truncated\":false}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("Minimal server listening on http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }
}
