package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qemu.domain.VmPaths;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts QEMU in its own session ({@code setsid}, stdio to {@code qemu.log}, stdin from {@code /dev/null}), so
 * neither a signal to the agent's process group nor the agent's death reaches it. Not {@code -daemonize}: with
 * it the full seccomp sandbox kills QEMU (FACTS.md). Without {@code -f}, setsid execs in place when its caller
 * is not a group leader, which a JVM child never is: QEMU stays the agent's child and its exit status stays
 * readable; it is re-parented, not killed, when the agent dies. Should setsid fork after all, the pidfile
 * names the real QEMU and it is treated like an adopted one.
 */
public final class DetachedQemuLauncher implements QemuLauncher {

    public static final String LOG_FILE = "qemu.log";
    private static final Duration POLL = Duration.ofMillis(10);
    private static final int LOG_TAIL_BYTES = 2048;

    private final Path setsid;
    private final Duration startTimeout;

    public DetachedQemuLauncher(Path setsid, Duration startTimeout) {
        this.setsid = Objects.requireNonNull(setsid, "setsid");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    }

    @Override
    public QemuProcess launch(VmPaths paths, List<String> argv) {
        find(paths).ifPresent(running -> {
            throw new QemuLaunchException("QEMU (pid " + running.pid() + ") already runs for VM " + paths.vmId());
        });
        Path log = paths.resolve(LOG_FILE);
        Process process;
        try {
            Files.createDirectories(paths.vmDir());
            Files.deleteIfExists(paths.pidFile());
            Files.deleteIfExists(paths.qmpSocket());
            List<String> command = new ArrayList<>(argv.size() + 1);
            command.add(setsid.toString());
            command.addAll(argv);
            process = new ProcessBuilder(command)
                    .directory(paths.vmDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new QemuLaunchException("cannot start " + argv.getFirst() + ": " + e.getMessage(), e);
        }
        long pid = awaitStarted(paths, process, log);
        if (pid == process.pid()) {
            return new SpawnedQemuProcess(process);
        }
        return AdoptedQemuProcess.adopt(pid).orElseThrow(() ->
                new QemuLaunchException("QEMU (pid " + pid + ") exited right after start: " + tail(log)));
    }

    @Override
    public Optional<QemuProcess> find(VmPaths paths) {
        return readPid(paths.pidFile())
                .filter(pid -> LinuxProcesses.commandLine(pid).contains(paths.vmId().toString()))
                .flatMap(AdoptedQemuProcess::adopt);
    }

    private long awaitStarted(VmPaths paths, Process process, Path log) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            Optional<Long> pid = readPid(paths.pidFile());
            if (pid.isPresent() && Files.exists(paths.qmpSocket())) {
                return pid.get();
            }
            // exit 0 may be a setsid that forked; the deadline covers a QEMU that quit quietly
            if (!process.isAlive() && process.exitValue() != 0) {
                throw new QemuLaunchException("QEMU exited with code " + process.exitValue() + ": " + tail(log));
            }
            if (System.nanoTime() - deadline >= 0) {
                process.destroyForcibly();
                throw new QemuLaunchException("QEMU did not open its QMP socket within " + startTimeout.toMillis()
                        + " ms: " + tail(log));
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** QEMU writes the pid and a newline; a half-written or stale file reads as empty. */
    static Optional<Long> readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(qemu.log is empty)" : text;
        } catch (IOException e) {
            return "(no qemu.log: " + e.getMessage() + ")";
        }
    }
}
