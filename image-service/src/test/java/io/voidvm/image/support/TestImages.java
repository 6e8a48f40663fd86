package io.voidvm.image.support;

import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Images, good and hostile, made with the real qemu-img in a test's temp dir. */
public final class TestImages {

    private TestImages() {
    }

    /** The marker boot disk of test-support (1 MiB virtual) as qcow2. */
    public static Path markerQcow2(Path dir, String marker) {
        return TestGuests.markerDiskQcow2(dir.resolve(marker), marker);
    }

    /** A qcow2 whose backing file is {@code /etc/shadow}. */
    public static Path backedByShadow(Path dir) {
        Path image = dir.resolve("shadow.qcow2");
        qemuImg("create", "-f", "qcow2", "-b", "/etc/shadow", "-F", "raw", image.toString(), "1M");
        return image;
    }

    /** A qcow2 whose data lives in an external file. */
    public static Path externalDataFile(Path dir) {
        Path image = dir.resolve("external.qcow2");
        qemuImg("create", "-f", "qcow2", "-o", "data_file=" + dir.resolve("external.raw"), image.toString(), "1M");
        return image;
    }

    /** A qcow2 with data, cut after its first {@code bytes} bytes (the header stays readable). */
    public static Path truncatedQcow2(Path dir, int bytes) {
        Path full = dir.resolve("full.qcow2");
        qemuImg("create", "-f", "qcow2", full.toString(), "64M");
        run(List.of("qemu-io", "-c", "write -P 0xab 0 4M", full.toString()));
        Path cut = dir.resolve("truncated.qcow2");
        try {
            byte[] head = new byte[bytes];
            try (var in = Files.newInputStream(full)) {
                in.readNBytes(head, 0, bytes);
            }
            Files.write(cut, head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cut;
    }

    /** A qcow2 claiming a large virtual size (it stays tiny on disk). */
    public static Path qcow2OfVirtualSize(Path dir, String size) {
        Path image = dir.resolve("big-" + size + ".qcow2");
        qemuImg("create", "-f", "qcow2", image.toString(), size);
        return image;
    }

    /** Random bytes, not a multiple of 512: qemu-img calls it raw; the service must not. */
    public static Path randomBytes(Path dir, int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        Path file = dir.resolve("random.bin");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A sparse file with {@code CD001} at 0x8001, as an ISO 9660 image has. */
    public static Path isoLike(Path dir) {
        Path file = dir.resolve("disc.iso");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(1024 * 1024);
            out.seek(0x8000);
            out.write(new byte[] {1, 'C', 'D', '0', '0', '1', 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static void qemuImg(String... args) {
        List<String> command = new ArrayList<>(List.of("qemu-img"));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
