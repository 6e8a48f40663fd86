package io.voidvm.launcher.services;

import io.voidvm.launcher.home.DataHome;
import io.voidvm.testsupport.process.ManagedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A service's child JVM: started with its log under the data dir, watched until ready, stopped on request. */
public final class RunningService {

    /** Eight JVMs starting at once on two cores: a cold start can take minutes. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    /** A first stop also writes the CDS archive (a few CPU-seconds per service, all at once). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final ServiceSpec spec;
    private final ManagedProcess process;

    private RunningService(ServiceSpec spec, ManagedProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /** Extracts the service's jar if needed (may take seconds; runs while the infrastructure starts). */
    public static AppImage prepare(ServiceSpec spec, Path repoRoot, DataHome home, Path java) {
        Path jar = spec.jar(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -B -DskipTests package"
                    + " (./voidvm up does so by itself)");
        }
        return AppImage.prepare(java, jar, home.jvmCache(spec.name()));
    }

    public static RunningService start(ServiceSpec spec, AppImage image, DataHome home, Path java, int javaFeature) {
        Path workDir = home.serviceData(spec.name());
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        ManagedProcess process = ManagedProcess.start(spec.name(), JvmOptions.command(java, javaFeature, spec, image, home.root()),
                workDir, spec.environment(), home.log(spec.name()));
        return new RunningService(spec, process);
    }

    /**
     * Blocks until the readiness endpoint answers 200 or {@code abandon} turns true; fails with the log tail if
     * the JVM exits first.
     */
    public void awaitReady(BooleanSupplier abandon) {
        // the process is checked every 100 ms; HTTP probes at that rate would cost the launcher seconds of CPU
        long[] nextProbe = {0L};
        process.awaitReady(READY_TIMEOUT, () -> {
            if (abandon.getAsBoolean()) {
                return true;
            }
            long now = System.nanoTime();
            if (now < nextProbe[0]) {
                return false;
            }
            nextProbe[0] = now + PROBE_INTERVAL.toNanos();
            return Readiness.isReady(spec.readiness());
        });
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(process.pid());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to the JVM and everything it spawned, SIGKILL after the grace: the whole stack stops. */
    public void stop() {
        process.stop(STOP_GRACE);
    }

    /**
     * SIGTERM to the JVM alone, SIGKILL to it after the grace; its children live on. A restarted node agent must
     * leave its VMs running (QEMU is started detached, but it is still the agent's child process).
     */
    public void stopKeepingChildren() {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        });
        // the JVM is gone and its children went to init with it: this only drops the exit hook of the process
        process.stop(Duration.ofSeconds(10));
    }
}
