package io.voidvm.nodeagent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * QEMU processes as the OS sees them, for tests that must prove a QEMU lives (or is gone) and must never leave
 * one behind. Zombies count as gone: this machine's init does not reap orphans.
 */
public final class QemuProcesses {

    private QemuProcesses() {
    }

    /** Live QEMU processes whose command line mentions {@code text} (a VM id, a state directory). */
    public static List<Long> mentioning(String text) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(QemuProcesses::isAlive)
                    .filter(pid -> {
                        String cmdline = cmdline(pid);
                        return cmdline.contains("qemu-system") && cmdline.contains(text);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isAlive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid in a VM's {@code qemu.pid}, or -1. */
    public static long pidFile(Path vmDir) {
        try {
            return Long.parseLong(Files.readString(vmDir.resolve("qemu.pid")).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** SIGKILLs every live QEMU mentioning {@code text}. */
    public static void killAll(String text) {
        mentioning(text).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
