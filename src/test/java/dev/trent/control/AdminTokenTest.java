package dev.trent.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.Config;
import dev.trent.Trent;
import dev.trent.auth.Credential;
import dev.trent.auth.Credentials;
import dev.trent.support.ControlClient;
import dev.trent.support.ControlClient.Answer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With --credentials, the test-control API wants the admin token: all of it but health and the console's files. */
class AdminTokenTest {
    private static final String TOKEN = "s3cret-admin-token";
    private static final Credentials CREDENTIALS = Credentials.of(List.of(Credential.of("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "111122223333")));
    private static Trent trent;

    @BeforeAll
    static void start() {
        trent = new Trent(Config.defaults().withPort(0).withCredentials(CREDENTIALS).withAdminToken(TOKEN)).start();
    }

    @AfterAll
    static void stop() {
        trent.close();
    }

    private static ControlClient client(Map<String, String> headers) {
        return new ControlClient(trent.endpoint(), headers);
    }

    @Test
    void withCredentialsButNoAdminTokenEverythingButHealthAndTheConsolePageIsClosed() {
        try (Trent closed = new Trent(Config.defaults().withPort(0).withCredentials(CREDENTIALS)).start()) {
            ControlClient anyone = new ControlClient(closed.endpoint(), Map.of("Authorization", "Bearer guess"));
            for (Answer answer : List.of(anyone.get("/_trent/clock"), anyone.post("/_trent/reset"),
                    anyone.post("/_trent/faults", "{\"latencyMillis\":1}"), anyone.get("/_trent/requests"),
                    anyone.get("/_trent/api/scopes"))) {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.message()).isEqualTo("Trent runs with --credentials and without --admin-token, so "
                        + "its test-control API and console data under /_trent/ are closed: start it with "
                        + "--admin-token TOKEN to use them.");
            }
            assertThat(anyone.get("/_trent/health").status()).isEqualTo(200);
            assertThat(closed.faults().list()).isEmpty();
        }
    }

    @Test
    void healthNeedsNoToken() {
        Answer health = client(Map.of()).get("/_trent/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void everythingElseIsRefusedWithoutTheToken() {
        for (ControlClient refused : List.of(client(Map.of()), client(Map.of("Authorization", "Bearer wrong")),
                client(Map.of("X-Trent-Admin-Token", TOKEN + "x")), client(Map.of("Authorization", TOKEN)))) {
            for (Answer answer : List.of(refused.get("/_trent/clock"), refused.post("/_trent/reset"),
                    refused.get("/_trent/faults"), refused.post("/_trent/faults", "{\"latencyMillis\":1}"),
                    refused.get("/_trent/requests"), refused.get("/_trent/nothing-here"))) {
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.message()).isEqualTo("This Trent endpoint needs the admin token (--admin-token) "
                        + "in an 'Authorization: Bearer TOKEN' or 'X-Trent-Admin-Token: TOKEN' header.");
            }
        }
        assertThat(trent.faults().list()).isEmpty();
    }

    @Test
    void theTokenIsAcceptedInEitherHeader() {
        Answer bearer = client(Map.of("Authorization", "Bearer " + TOKEN)).get("/_trent/clock");
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.body().has("now")).isTrue();

        Answer header = client(Map.of("X-Trent-Admin-Token", TOKEN)).post("/_trent/clock", "{\"advanceSeconds\":5}");
        assertThat(header.status()).isEqualTo(200);
        assertThat(header.body().get("offsetSeconds").asLong()).isEqualTo(5);

        Answer unknown = client(Map.of("Authorization", "Bearer " + TOKEN)).get("/_trent/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theConsolesFilesNeedNoToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/_trent/ui/index.html", "/_trent/ui/", "/_trent/ui")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(trent.endpoint().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        }
        // the data behind the page is guarded
        assertThat(client(Map.of()).get("/_trent/api/scopes").status()).isEqualTo(401);
    }
}
