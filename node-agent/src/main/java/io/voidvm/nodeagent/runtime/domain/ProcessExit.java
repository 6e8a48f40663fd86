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

    /** "exit code 1", "killed by signal 9 (SIGKILL)" or "exit status unknown". */
    public String describe() {
        if (exitCode != null) {
            return "exit code " + exitCode;
        }
        if (signal != null) {
            String name = signalName(signal);
            return "killed by signal " + signal + (name == null ? "" : " (" + name + ")");
        }
        return "exit status unknown";
    }

    /** The signals that end QEMU in practice (SIGSYS: its seccomp sandbox refused a system call). */
    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            case 31 -> "SIGSYS";
            default -> null;
        };
    }
}
