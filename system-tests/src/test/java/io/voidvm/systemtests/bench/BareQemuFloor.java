package io.voidvm.systemtests.bench;

import io.voidvm.testsupport.qemu.QemuBinary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor no platform can beat: spawn {@code qemu-system-x86_64} the way the agent does (paused with
 * {@code -S}, QMP on a Unix socket, the same machine, devices and sandbox), connect, {@code cont}, and stop the
 * clock when {@code query-status} says {@code running}. Nothing of voidVM is involved.
 */
final class BareQemuFloor {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final QemuBinary qemu;
    private final Path disk;
    private final Path workDir;

    BareQemuFloor(QemuBinary qemu, Path disk, Path workDir) {
        this.qemu = qemu;
        this.disk = disk;
        this.workDir = workDir;
    }

    /** {@code runs} launches one after the other, each quit before the next. */
    Samples sequential(int runs) throws IOException {
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Launch launch = launch(workDir.resolve("floor-" + i))) {
                samples.add(launch.elapsed());
            }
        }
        return new Samples("bare QEMU floor", samples);
    }

    /**
     * {@code size} launches at once from as many threads; every QEMU keeps running (its guest booting) until all
     * are measured, as the VMs of an API burst do.
     */
    Samples burst(int size) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(size);
        List<Future<Launch>> pending = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < size; i++) {
                Path dir = workDir.resolve("floor-burst-" + i);
                pending.add(threads.submit(() -> {
                    go.await();
                    return launch(dir);
                }));
            }
            go.countDown();
            List<Duration> samples = new ArrayList<>();
            for (Future<Launch> launch : pending) {
                samples.add(launch.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).elapsed());
            }
            return new Samples("bare QEMU floor, burst of " + size, samples);
        } finally {
            // every QEMU that came up is quit, also when another one failed
            for (Future<Launch> launch : pending) {
                try {
                    launch.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).close();
                } catch (Exception failedToLaunch) {
                    // launch() already cleaned up after itself
                }
            }
            threads.shutdownNow();
        }
    }

    /** Spawn to QMP {@code running}; the disk copy before it is not timed, the quit in close() neither. */
    private Launch launch(Path dir) throws IOException {
        Files.createDirectories(dir);
        // each QEMU locks its writable image, as each of the agent's VMs has its own copy
        Path ownDisk = Files.copy(disk, dir.resolve("disk.raw"));
        Path qmp = dir.resolve("qmp.sock");
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(argv(dir, ownDisk))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("qemu.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        QmpProbe monitor = null;
        try {
            monitor = connect(qmp, process, deadline);
            monitor.execute("cont");
            while (!"running".equals(monitor.execute("query-status").path("status").asString())) {
                requireBefore(deadline, "QEMU did not report running");
            }
            return new Launch(process, monitor, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            new Launch(process, monitor, Duration.ZERO).close();
            throw e;
        }
    }

    /** A measured QEMU; closing quits it (SIGKILL if it does not go). */
    private record Launch(Process process, QmpProbe monitor, Duration elapsed) implements AutoCloseable {

        @Override
        public void close() {
            if (monitor != null) {
                try (monitor) {
                    monitor.execute("quit");
                } catch (IOException alreadyGone) {
                    // QEMU closes the socket as it quits
                }
            }
            if (!waitFor(process, Duration.ofSeconds(5))) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(5));
            }
        }
    }

    private static QmpProbe connect(Path qmp, Process process, long deadline) throws IOException {
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("QEMU exited with " + process.exitValue() + " before opening " + qmp);
            }
            if (Files.exists(qmp)) {
                try {
                    return QmpProbe.open(qmp);
                } catch (IOException notListeningYet) {
                    requireBefore(deadline, "cannot connect to " + qmp + ": " + notListeningYet.getMessage());
                }
            }
            requireBefore(deadline, "QEMU did not open " + qmp);
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The agent's argv for a 1-vCPU, 64 MiB TCG guest on one raw virtio disk (node-agent golden argv-tcg). */
    private List<String> argv(Path dir, Path bootDisk) {
        UUID id = UUID.randomUUID();
        return List.of(qemu.system().toString(),
                "-name", "guest=floor,debug-threads=on",
                "-uuid", id.toString(),
                "-machine", "q35,accel=tcg",
                "-cpu", "qemu64",
                "-smp", "cpus=1,sockets=1,cores=1,threads=1",
                "-m", "64M",
                "-rtc", "base=utc",
                "-nodefaults",
                "-no-user-config",
                "-display", "none",
                "-vnc", "unix:" + dir.resolve("vnc.sock"),
                "-serial", "file:" + dir.resolve("serial.log"),
                "-qmp", "unix:" + dir.resolve("qmp.sock") + ",server=on,wait=off",
                "-pidfile", dir.resolve("qemu.pid").toString(),
                "-msg", "timestamp=on",
                "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
                "-blockdev", "driver=file,filename=" + bootDisk + ",node-name=disk0-file,read-only=off",
                "-blockdev", "driver=raw,file=disk0-file,node-name=disk0,read-only=off",
                "-device", "virtio-blk-pci,drive=disk0,id=virtio-disk0,bootindex=0",
                "-S");
    }

    private static void requireBefore(long deadline, String what) throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw new IOException(what + " within " + RUN_TIMEOUT);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
