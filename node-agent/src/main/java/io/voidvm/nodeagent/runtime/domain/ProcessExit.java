package io.voidvm.nodeagent.runtime.domain;

/**
 * How a QEMU process ended, as far as the agent can know: exit code or signal for a process it spawned,
 * neither for one it only re-attached to (it is not the parent, so it cannot reap it).
 */
public record ProcessExit(Integer exitCode, Integer signal) {

    public ProcessExit {
        if (exitCode != null && signal != null) {
            throw new IllegalArgumentException("a process exits with a code or a signal, not both");
        }
    }

    public static ProcessExit unknown() {
        return new ProcessExit(null, null);
    }

    /** Decodes the JDK's convention for a child's exit value: 128 + N means "killed by signal N". */
    public static ProcessExit fromJavaExitValue(int value) {
        return value > 128 && value < 128 + 65 ? new ProcessExit(null, value - 128) : new ProcessExit(value, null);
    }

    public boolean known() {
        return exitCode != null || signal != null;
    }

    public boolean success() {
        return exitCode != null && exitCode == 0;
    }

    /** "code 1", "signal 9" or "status unknown". */
    public String describe() {
        if (exitCode != null) {
            return "code " + exitCode;
        }
        return signal != null ? "signal " + signal : "status unknown";
    }
}
