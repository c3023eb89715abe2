package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trent.http.ServerLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --idle-timeout, --request-timeout and --max-pending-requests: their defaults, their effect, their refusals. */
class LimitOptionsTest {
    private static ServerLimits parse(String... args) {
        return Main.limits(Parser.parse(new Main(), args).args());
    }

    @Test
    void withoutOptionsTheDefaultsApply() {
        assertThat(parse()).isEqualTo(new ServerLimits(Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(20), 256));
        assertThat(parse()).isEqualTo(ServerLimits.DEFAULTS);
    }

    @Test
    void theOptionsSetTheLimits() {
        assertThat(parse("--idle-timeout", "5", "--request-timeout", "3", "--max-pending-requests", "17"))
                .isEqualTo(new ServerLimits(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(3), 17));
    }

    @Test
    void helpExplainsThem() {
        assertThat(CommandLineRun.help()).contains("--idle-timeout=SECONDS", "--request-timeout=SECONDS",
                "--max-pending-requests=N", "ThrottlingException");
    }

    @Test
    void refusesZero() {
        for (String option : new String[] {"--idle-timeout", "--request-timeout", "--max-pending-requests"}) {
            CommandLineRun cli = new CommandLineRun();

            assertThat(cli.run(option, "0")).as(option).isEqualTo(2);
            assertThat(cli.err()).as(option).startsWith(
                    "--idle-timeout, --request-timeout and --max-pending-requests must be at least 1");
        }
    }
}
