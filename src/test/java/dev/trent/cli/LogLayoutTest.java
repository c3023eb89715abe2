package dev.trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Trent's log lines are those Logback's own PatternLayout makes of the pattern they stand for. */
class LogLayoutTest {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private final LoggerContext context = new LoggerContext();

    private ILoggingEvent event(String logger, Level level, String message, Throwable thrown, long time) {
        Logger log = context.getLogger(logger);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, level, message, thrown, new Object[] {"x"});
        event.setTimeStamp(time);
        return event;
    }

    @Test
    void linesAreThoseOfLogbacksPatternLayoutInAnyTimeZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                linesAreThoseOfLogbacksPatternLayout();
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private void linesAreThoseOfLogbacksPatternLayout() {
        PatternLayout reference = new PatternLayout();
        reference.setContext(context);
        reference.setPattern(PATTERN);
        reference.start();
        LogLayout layout = new LogLayout();
        layout.setContext(context);
        layout.start();
        Exception cause = new IllegalArgumentException("the cause");
        List<ILoggingEvent> events = List.of(
                event("dev.trent.http.KmsRequestHandler", Level.ERROR, "Request {} failed",
                        new IllegalStateException("the disk is on fire", cause), 1_764_412_496_789L),
                event("io.netty.channel.DefaultChannelPipeline", Level.WARN, "a warning about {}", null, 0L),
                event("dev.trent.cli.Main", Level.INFO, "short name {}", null, 1_764_450_000_001L),
                event("x", Level.DEBUG, "no package", null, 86_399_999L),
                event("a.b.c.AClassNameLongerThanTwentyCharacters", Level.TRACE, "long class", null, 3_600_000L),
                event("org.example.deeply.nested.pkg.Logger", Level.INFO, "{} and more", null, 59_999L));
        for (ILoggingEvent event : events) {
            assertThat(layout.doLayout(event)).isEqualTo(reference.doLayout(event));
        }
    }

    @Test
    void longLoggerNamesKeepTheClassAndThePackagesInitials() {
        assertThat(LogLayout.abbreviated("dev.trent.http.KmsRequestHandler")).isEqualTo("d.t.h.KmsRequestHandler");
        assertThat(LogLayout.abbreviated("dev.trent.Trent")).isEqualTo("dev.trent.Trent");
        assertThat(LogLayout.abbreviated("Unpackaged")).isEqualTo("Unpackaged");
    }
}
