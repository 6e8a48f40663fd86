package io.voidvm.testsupport.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bootable disks made by code, no download: a 1 MiB disk whose boot sector prints
 * {@code VOIDVM-GUEST-READY <marker>} on COM1 and halts. Under TCG it prints well under a second after launch.
 */
public final class TestGuests {

    public static final long MARKER_DISK_SIZE = 1024 * 1024;

    private TestGuests() {
    }

    /** The line to wait for in the serial log of a guest booted from a marker disk. */
    public static String readyLine(String marker) {
        return MarkerBootSector.line(marker);
    }

    /** Writes {@code dir/<marker>.raw}: the marker boot sector followed by zeros up to 1 MiB. */
    public static Path markerDisk(Path dir, String marker) {
        byte[] sector = MarkerBootSector.assemble(marker);
        Path disk = dir.resolve(fileName(marker) + ".raw");
        try {
            Files.createDirectories(dir);
            try (RandomAccessFile file = new RandomAccessFile(disk.toFile(), "rw")) {
                file.setLength(0);
                file.write(sector);
                file.setLength(MARKER_DISK_SIZE);
            }
            return disk;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write marker disk " + disk, e);
        }
    }

    /** The same disk as qcow2 ({@code dir/<marker>.qcow2}), converted by {@code qemu-img}. */
    public static Path markerDiskQcow2(Path dir, String marker) {
        Path raw = markerDisk(dir, marker);
        Path qcow2 = dir.resolve(fileName(marker) + ".qcow2");
        QemuBinary qemu = QemuBinary.require();
        run(List.of(qemu.img().toString(), "convert", "-f", "raw", "-O", "qcow2",
                raw.toString(), qcow2.toString()));
        return qcow2;
    }

    /**
     * The smallest argv that boots {@code disk} under TCG with COM1 written to {@code serialLog}:
     * no display, no default devices, 32 MiB.
     */
    public static List<String> bootCommand(QemuBinary qemu, Path disk, String format, Path serialLog) {
        return List.of(qemu.system().toString(),
                "-accel", "tcg",
                "-display", "none",
                "-nodefaults",
                "-no-user-config",
                "-m", "32",
                "-serial", "file:" + serialLog,
                "-drive", "file=" + escapeOptionValue(disk.toString()) + ",format=" + format + ",if=virtio");
    }

    /** QEMU's option parser splits on commas; a literal comma is written twice. */
    static String escapeOptionValue(String value) {
        return value.replace(",", ",,");
    }

    private static String fileName(String marker) {
        return marker.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (var out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + command + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
