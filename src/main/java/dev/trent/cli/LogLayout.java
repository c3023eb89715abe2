package dev.trent.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * Trent's log line, {@code 12:34:56.789 INFO  d.t.h.KmsRequestHandler - message}, then the stack
 * trace of the exception logged with it: what Logback's {@code PatternLayout} makes of
 * {@code %d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n}, written out, since setting up the pattern
 * machinery cost a start-up tens of milliseconds.
 */
final class LogLayout extends LayoutBase<ILoggingEvent> {
    /** Longer logger names have their packages cut to initials, from the left, until they fit. */
    static final int LOGGER_WIDTH = 20;

    private final TimeZone zone = TimeZone.getDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        time(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ').append(abbreviated(event.getLoggerName())).append(" - ").append(event.getFormattedMessage())
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)); // which ends its last line
        }
        return line.toString();
    }

    private void time(StringBuilder line, long epochMillis) {
        long ofDay = Math.floorMod(epochMillis + zone.getOffset(epochMillis), 86_400_000L);
        digits(line, ofDay / 3_600_000, 2);
        digits(line.append(':'), ofDay / 60_000 % 60, 2);
        digits(line.append(':'), ofDay / 1_000 % 60, 2);
        digits(line.append('.'), ofDay % 1_000, 3);
    }

    private static void digits(StringBuilder line, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            line.append('0');
        }
        line.append(text);
    }

    /**
     * {@code dev.trent.http.KmsRequestHandler} as {@code d.t.h.KmsRequestHandler}: package names
     * cut to their initial, leftmost first, until the name fits the width; the class name stays whole.
     */
    static String abbreviated(String name) {
        int lastDot = name.lastIndexOf('.');
        if (name.length() <= LOGGER_WIDTH || lastDot < 0) {
            return name;
        }
        int excess = name.length() - Math.max(LOGGER_WIDTH, name.length() - lastDot);
        StringBuilder out = new StringBuilder(name.length());
        int start = 0;
        while (start < lastDot && excess > 0) {
            int dot = name.indexOf('.', start);
            out.append(name.charAt(start)).append('.');
            excess -= dot - start - 1;
            start = dot + 1;
        }
        return out.append(name, start, name.length()).toString();
    }
}
