package io.voidvm.systemtests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * QEMU processes as the OS sees them: proof that a VM's QEMU lives, or is gone, and the last-resort cleanup.
 * A QEMU outlives the agent that started it, so only a scan of {@code /proc} finds them all. Zombies count as
 * gone: an orphaned QEMU is re-parented to an init that may never reap it.
 */
public final class QemuProcesses {

    private QemuProcesses() {
    }

    /** Live QEMU processes whose command line mentions {@code text} (a VM id, a state directory). */
    public static List<Long> mentioning(String text) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(QemuProcesses::isAlive)
                    .filter(pid -> {
                        String cmdline = commandLine(pid);
                        return cmdline.contains("qemu-system") && cmdline.contains(text);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    public static boolean isAlive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The pid QEMU wrote to {@code <vmDir>/qemu.pid}, or -1 when there is none. */
    public static long pidFile(Path vmDir) {
        try {
            return Long.parseLong(Files.readString(vmDir.resolve("qemu.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** SIGKILLs every live QEMU mentioning {@code text}; returns how many there were. */
    public static int killAll(String text) {
        List<Long> pids = mentioning(text);
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        return pids.size();
    }

    /** The process's command line, arguments separated by spaces; empty when it is gone. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
