package dev.trent.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command runs in: where it prints, the environment it reads passwords from, and when the
 * process started (for the "started in N ms" of the listening line).
 */
record CommandContext(PrintWriter out, PrintWriter err, Map<String, String> environment, long startNanos) {
}
