package io.voidvm.nodeagent.host;

import io.voidvm.nodeagent.host.domain.HostFacts;
import io.voidvm.nodeagent.host.domain.HostProbe;
import io.voidvm.nodeagent.host.domain.HostTextParsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the host from the places Linux exposes it. CPUs are the host's online ones ({@code /sys}), not what
 * this JVM may use: VMs run in their own QEMU processes, and placement must see the real host (ADR 0012). The
 * QEMU version is asked once: spawning QEMU on every heartbeat would cost more than it tells.
 */
public final class LinuxHostProbe implements HostProbe {

    private static final Logger log = LoggerFactory.getLogger(LinuxHostProbe.class);
    private static final Duration QEMU_VERSION_TIMEOUT = Duration.ofSeconds(5);
    private static final long GIB = 1024L * 1024 * 1024;

    private final Path procMeminfo;
    private final Path cpusOnline;
    private final Path kvmDevice;
    private final Path stateDir;
    private final Optional<String> qemuVersion;
    private volatile boolean warnedAboutCpus;

    public LinuxHostProbe(Path stateDir, String qemuBinary) {
        this(Path.of("/proc/meminfo"), Path.of("/sys/devices/system/cpu/online"), Path.of("/dev/kvm"), stateDir,
                qemuBinary);
    }

    LinuxHostProbe(Path procMeminfo, Path cpusOnline, Path kvmDevice, Path stateDir, String qemuBinary) {
        this.procMeminfo = procMeminfo;
        this.cpusOnline = cpusOnline;
        this.kvmDevice = kvmDevice;
        this.stateDir = stateDir;
        this.qemuVersion = askQemuVersion(qemuBinary);
    }

    @Override
    public HostFacts read() {
        try {
            long memoryMb = HostTextParsers.memTotalMb(Files.readString(procMeminfo, StandardCharsets.US_ASCII));
            long diskGb = Files.getFileStore(stateDir).getTotalSpace() / GIB;
            boolean kvmUsable = Files.isReadable(kvmDevice) && Files.isWritable(kvmDevice);
            return new HostFacts(cpus(), memoryMb, diskGb, kvmUsable, qemuVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read host facts (" + procMeminfo + ", " + stateDir + ")", e);
        }
    }

    /** The host's online CPUs; where {@code /sys} does not say (not Linux, hidden), what the JVM sees. */
    private int cpus() {
        try {
            return HostTextParsers.onlineCpus(Files.readString(cpusOnline, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            int seen = Runtime.getRuntime().availableProcessors();
            if (!warnedAboutCpus) {
                warnedAboutCpus = true;
                log.warn("cannot read the online CPUs from {} ({}); reporting the {} this JVM sees", cpusOnline,
                        e.getMessage(), seen);
            }
            return seen;
        }
    }

    private static Optional<String> askQemuVersion(String qemuBinary) {
        Process process;
        try {
            process = new ProcessBuilder(List.of(qemuBinary, "--version")).redirectErrorStream(true).start();
        } catch (IOException e) {
            log.warn("QEMU binary '{}' cannot be started; this node will report no QEMU: {}", qemuBinary,
                    e.getMessage());
            return Optional.empty();
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readNBytes(4096), StandardCharsets.UTF_8);
            if (!process.waitFor(QEMU_VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                log.warn("'{} --version' failed or hung; this node will report no QEMU", qemuBinary);
                return Optional.empty();
            }
            Optional<String> version = HostTextParsers.qemuVersion(text);
            if (version.isEmpty()) {
                log.warn("'{} --version' printed no version: {}", qemuBinary, text.strip());
            }
            return version;
        } catch (IOException e) {
            log.warn("cannot read '{} --version': {}", qemuBinary, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
