package dev.trent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server process's CPU time (user + system), read from Linux's /proc/PID/stat: what a request
 * costs the server whatever else the machine was doing, where requests per second move with it.
 */
final class ServerCpu {
    /** No process to read (not given, or not Linux): its figures are left out. */
    static final ServerCpu NONE = new ServerCpu(null, 100);

    private final Path stat;
    private final long ticksPerSecond;

    private ServerCpu(Path stat, long ticksPerSecond) {
        this.stat = stat;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** @param ticksPerSecond the kernel's clock ticks ({@code getconf CLK_TCK}), the unit of /proc's times */
    static ServerCpu of(String pid, long ticksPerSecond) {
        if (pid == null) {
            return NONE;
        }
        Path stat = Path.of("/proc", pid, "stat");
        return Files.isReadable(stat) ? new ServerCpu(stat, ticksPerSecond) : NONE;
    }

    /** The process's CPU time so far in nanoseconds; -1 when unknown. */
    long nanos() {
        if (stat == null) {
            return -1;
        }
        try {
            String line = Files.readString(stat);
            // fields after the command name, which is in parentheses and may hold spaces: state is
            // field 3, utime 14 and stime 15
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
