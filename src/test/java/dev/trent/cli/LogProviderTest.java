package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;

/** The command line's SLF4J provider: Logback, set up as LogConfigurator sets it up. */
class LogProviderTest {
    @Test
    void bindsLogbackWithTrentsLogging() {
        LogProvider provider = new LogProvider();
        provider.initialize();

        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.trent.http").getEffectiveLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("stderr");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((LayoutWrappingEncoder<?>) stderr.getEncoder()).getLayout()).isInstanceOf(LogLayout.class);
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
        assertThat(provider.getRequestedApiVersion()).startsWith("2.0.");
    }
}
