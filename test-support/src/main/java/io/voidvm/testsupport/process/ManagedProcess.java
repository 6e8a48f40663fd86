package io.voidvm.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One child process with its output appended to a log file. Stopping sends SIGTERM to the process and its
 * descendants, waits, then SIGKILLs what is left. A JVM shutdown hook stops it if the owner forgot to.
 */
public final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Thread shutdownHook;

    private ManagedProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.shutdownHook = new Thread(this::stopQuietly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} (an argv list, never a shell line) in {@code workDir}. */
    public static ManagedProcess start(String name, List<String> command, Path workDir,
                                       Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.getFirst(), e);
        }
    }

    /** Waits until {@code ready} holds; fails early, quoting the log tail, if the process exits. */
    public ManagedProcess awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last log lines:\n" + logTail(40));
            }
            if (ready.getAsBoolean()) {
                return this;
            }
            pause(Duration.ofMillis(100));
        }
        stopQuietly();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; last log lines:\n" + logTail(40));
    }

    /**
     * Waits for a short-lived command (a formatter, an installer) to finish and returns its exit code; kills it
     * and fails, quoting the log tail, if it takes longer than {@code timeout}.
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; last log lines:\n"
                        + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        removeShutdownHook();
        return process.exitValue();
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM to the process tree, then SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception timedOut) {
                handle.destroyForcibly();
            }
        }
        tree.forEach(h -> h.onExit().join());
        removeShutdownHook();
    }

    /** SIGKILL now, as a crash would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
        removeShutdownHook();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private void stopQuietly() {
        if (process.isAlive()) {
            try {
                stop(Duration.ofSeconds(10));
            } catch (RuntimeException ignored) {
                process.destroyForcibly();
            }
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** The {@code java} launcher of a JDK at least {@code minimumFeature} (current JVM first, then /usr/lib/jvm). */
    public static Path javaExecutable(int minimumFeature) {
        if (Runtime.version().feature() >= minimumFeature) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        return Jdks.find(minimumFeature).orElseThrow(() -> new IllegalStateException(
                "need a JDK " + minimumFeature + "+; set JAVA_HOME or install one under /usr/lib/jvm"));
    }

    /** The feature release (17, 21, 25, ...) of the JDK that {@code javaExecutable} belongs to; 0 if unknown. */
    public static int javaFeatureOf(Path javaExecutable) {
        Path home = javaExecutable.toAbsolutePath().getParent().getParent();
        if (home.equals(Path.of(System.getProperty("java.home")).toAbsolutePath())) {
            return Runtime.version().feature();
        }
        return Jdks.featureOf(home);
    }

    static final class Jdks {
        private Jdks() {
        }

        static Optional<Path> find(int minimumFeature) {
            Optional<Path> fromEnv = Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of)
                    .filter(home -> featureOf(home) >= minimumFeature);
            if (fromEnv.isPresent()) {
                return fromEnv.map(home -> home.resolve("bin/java"));
            }
            try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
                return homes.filter(home -> featureOf(home) >= minimumFeature)
                        .max(java.util.Comparator.comparingInt(Jdks::featureOf))
                        .map(home -> home.resolve("bin/java"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        static int featureOf(Path home) {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
                return 0;
            }
            try {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                        return Integer.parseInt(version.split("[.+-]")[0]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }
}
