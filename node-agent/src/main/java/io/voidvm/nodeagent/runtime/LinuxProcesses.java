package io.voidvm.nodeagent.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code /proc} for processes the agent is not the parent of. A dead QEMU whose parent never reaps it
 * stays a zombie (state Z) that still has a {@code /proc} entry and still takes signals, so "alive" here means
 * present and not a zombie; the start time guards against a recycled pid.
 */
final class LinuxProcesses {

    private static final Path PROC = Path.of("/proc");

    private LinuxProcesses() {
    }

    /** Start time in clock ticks since boot, if the process exists and is not a zombie. */
    static Optional<Long> startTimeIfRunning(long pid) {
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        // the command name (field 2) may contain spaces and parentheses: fields resume after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        char state = fields[0].charAt(0);
        if (state == 'Z' || state == 'X' || state == 'x') {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(fields[19]));
    }

    static boolean isRunning(long pid, long startTime) {
        return startTimeIfRunning(pid).filter(start -> start == startTime).isPresent();
    }

    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
