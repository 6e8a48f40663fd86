package io.voidvm.launcher.run;

import java.time.Instant;
import java.util.Optional;

/**
 * One process we started, identified by pid and start time together: a pid alone may have been reused by an
 * unrelated process since a crash, and such a process must never be signalled.
 */
public record PidRecord(long pid, long startedAtMillis) {

    public PidRecord {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
    }

    public static PidRecord of(ProcessHandle handle) {
        return new PidRecord(handle.pid(), handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    /** {@code "pid startedAtMillis"}, the line format of pid files. */
    public String toLine() {
        return pid + " " + startedAtMillis;
    }

    public static Optional<PidRecord> parse(String line) {
        String[] parts = line.strip().split("\\s+");
        try {
            if (parts.length == 1 && !parts[0].isEmpty()) {
                return Optional.of(new PidRecord(Long.parseLong(parts[0]), 0L));
            }
            if (parts.length == 2) {
                return Optional.of(new PidRecord(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            }
        } catch (IllegalArgumentException garbage) {
            // a damaged pid file names no process
        }
        return Optional.empty();
    }

    /** The live process this record names, if it still runs and is the same process. */
    public Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
    }

    private boolean sameStart(ProcessHandle handle) {
        if (startedAtMillis == 0L) {
            return true;
        }
        // /proc reports start times in clock ticks; allow for rounding, never for a different process
        return handle.info().startInstant()
                .map(started -> Math.abs(started.toEpochMilli() - startedAtMillis) < 1_000)
                .orElse(false);
    }
}
