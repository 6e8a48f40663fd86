package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.process.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One Spring Boot fat jar run as {@code java -jar}, configured only through environment variables (the port as
 * {@code SERVER_PORT}), as the local stack and Kubernetes run it. Ready when its readiness probe answers 200.
 * Each launch writes its own log file ({@code <name>-<n>.log}), so a restart does not hide what the first said.
 */
public final class BootApp implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final List<String> jvmArgs;
    private final Map<String, String> environment;
    private final Path logDir;
    private final int port;
    private ManagedProcess process;
    private int launches;

    public BootApp(String name, Path jar, List<String> jvmArgs, Map<String, String> environment, Path logDir,
                   int port) {
        this.name = Objects.requireNonNull(name, "name");
        this.jar = Objects.requireNonNull(jar, "jar");
        this.jvmArgs = List.copyOf(jvmArgs);
        Map<String, String> withPort = new java.util.HashMap<>(environment);
        withPort.put("SERVER_PORT", Integer.toString(port));
        this.environment = Map.copyOf(withPort);
        this.logDir = Objects.requireNonNull(logDir, "logDir");
        this.port = port;
    }

    /** Starts the JVM without waiting for it; pair with {@link #awaitReady()}. */
    public synchronized BootApp launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " already runs (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable(21).toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        launches++;
        Path log = logDir.resolve(name + "-" + launches + ".log");
        process = ManagedProcess.start(name, command, logDir, environment, log);
        return this;
    }

    public BootApp awaitReady() {
        return awaitReady(READY_TIMEOUT);
    }

    /** For many JVMs starting at once on a small machine, which each take longer than one alone. */
    public BootApp awaitReady(Duration timeout) {
        current().awaitReady(timeout, () -> answers200(url("/actuator/health/readiness")));
        return this;
    }

    public BootApp start() {
        return launch().awaitReady();
    }

    /**
     * SIGKILL to this JVM alone, as when the process crashes or is OOM-killed. Unlike
     * {@link ManagedProcess#kill()} it spares the JVM's children: QEMU must outlive a dead agent.
     */
    public synchronized void crash() {
        ManagedProcess running = current();
        ProcessHandle handle = ProcessHandle.of(running.pid()).orElseThrow(() ->
                new IllegalStateException(name + " (pid " + running.pid() + ") is already gone"));
        handle.destroyForcibly();
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not die within 10 s of SIGKILL", e);
        }
    }

    /** SIGTERM to the JVM and its descendants, SIGKILL after a grace period; a no-op when it is not running. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(15));
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return current().pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String logTail(int lines) {
        return process == null ? "(never started)" : process.logTail(lines);
    }

    /** The log of the current (latest) launch. */
    public Path logFile() {
        return current().logFile();
    }

    private URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    private synchronized ManagedProcess current() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process;
    }

    static boolean answers200(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + "[" + baseUrl() + "]";
    }
}
