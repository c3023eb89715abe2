package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.support.ControlClient;
import dev.trent.support.KmsClients;
import dev.trent.support.TrentProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/** --admin-token and --request-log-size: their help, their refusals, their effect on a running Trent. */
class ControlOptionsTest {
    @Test
    void helpExplainsThem() {
        assertThat(CommandLineRun.help()).contains("--admin-token=TOKEN", "--request-log-size=N", "/_trent/");
    }

    @Test
    void refusesANegativeLogSizeAndAnEmptyToken() {
        CommandLineRun cli = new CommandLineRun();
        assertThat(cli.run("--port", "0", "--request-log-size", "-1")).isEqualTo(2);
        assertThat(cli.err()).startsWith("--request-log-size must be at least 0, not -1");

        assertThat(cli.run("--port", "0", "--admin-token", " ")).isEqualTo(2);
        assertThat(cli.err()).startsWith("--admin-token must not be empty");
    }

    @Test
    void aRunningTrentGuardsItsControlsAndBoundsItsLog() {
        try (TrentProcess trent = TrentProcess.start(Map.of(), "--port", "0", "--admin-token", "t0ken",
                "--request-log-size", "2");
                KmsClient kms = KmsClients.client(trent.endpoint(), "111122223333", "us-east-1")) {
            assertThat(new ControlClient(trent.endpoint()).get("/_trent/health").status()).isEqualTo(200);
            assertThat(new ControlClient(trent.endpoint()).get("/_trent/requests").status()).isEqualTo(401);
            kms.listKeys();
            kms.listAliases();
            kms.generateRandom(b -> b.numberOfBytes(4));

            ControlClient.Answer requests = new ControlClient(trent.endpoint(), Map.of("Authorization", "Bearer t0ken"))
                    .get("/_trent/requests");
            assertThat(requests.status()).isEqualTo(200);
            assertThat(requests.body().get("requests")).hasSize(2);
            assertThat(requests.body().get("requests").get(0).get("operation").asText()).isEqualTo("GenerateRandom");
        }
    }
}
