package io.voidvm.testsupport.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Optional full-OS guest: a Debian kernel found on this machine plus a busybox initramfs written by Java whose
 * /init prints {@code VOIDVM-LINUX-READY <marker>} on the serial console and powers off. Slow under emulation
 * (~30 s on a small nested host), so tests that use it should be few and must skip when {@link #kernel()} is empty.
 */
public final class LinuxGuest {

    /** Path of a bzImage (e.g. from the {@code linux-image-cloud-amd64} package); also env VOIDVM_TEST_KERNEL. */
    public static final String KERNEL_PROPERTY = "voidvm.test.kernel";
    /** Statically linked busybox ({@code busybox-static}); default /bin/busybox. */
    public static final String BUSYBOX_PROPERTY = "voidvm.test.busybox";

    private static final Pattern SAFE_MARKER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private LinuxGuest() {
    }

    public static String readyLine(String marker) {
        return "VOIDVM-LINUX-READY " + marker;
    }

    /** The configured kernel, else the newest readable /boot/vmlinuz-*; empty when there is none. */
    public static Optional<Path> kernel() {
        String configured = System.getProperty(KERNEL_PROPERTY, System.getenv("VOIDVM_TEST_KERNEL"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isReadable);
        }
        try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
            return boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-") && Files.isReadable(p))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException noBoot) {
            return Optional.empty();
        }
    }

    public static Optional<Path> busybox() {
        Path busybox = Path.of(System.getProperty(BUSYBOX_PROPERTY, "/bin/busybox"));
        return Files.isExecutable(busybox) ? Optional.of(busybox) : Optional.empty();
    }

    /** Writes {@code dir/<marker>.initramfs.cpio}. The marker goes into a shell script, so it is restricted. */
    public static Path initramfs(Path dir, String marker) {
        if (!SAFE_MARKER.matcher(marker).matches()) {
            throw new IllegalArgumentException("marker must match " + SAFE_MARKER + ": " + marker);
        }
        Path busybox = busybox().orElseThrow(() -> new IllegalStateException(
                "no static busybox at " + System.getProperty(BUSYBOX_PROPERTY, "/bin/busybox")
                        + ": apt-get install busybox-static"));
        String init = "#!/bin/busybox sh\n"
                + "/bin/busybox mount -t proc proc /proc\n"
                + "/bin/busybox echo '" + readyLine(marker) + "'\n"
                + "/bin/busybox poweroff -f\n";
        try {
            byte[] archive = new CpioNewc()
                    .directory("bin").directory("dev").directory("proc")
                    .characterDevice("dev/console", 5, 1) // without it /init has no stdout
                    .file("bin/busybox", 0755, Files.readAllBytes(busybox))
                    .file("init", 0755, init.getBytes(StandardCharsets.US_ASCII))
                    .finish();
            Files.createDirectories(dir);
            return Files.write(dir.resolve(marker + ".initramfs.cpio"), archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write initramfs in " + dir, e);
        }
    }

    /** Direct kernel boot, console on COM1 into {@code serialLog}; QEMU exits when the guest powers off. */
    public static List<String> bootCommand(QemuBinary qemu, Path kernel, Path initramfs, Path serialLog) {
        return List.of(qemu.system().toString(),
                "-accel", "tcg",
                "-display", "none",
                "-nodefaults",
                "-no-user-config",
                "-no-reboot",
                "-m", "128",
                "-serial", "file:" + serialLog,
                "-kernel", kernel.toString(),
                "-initrd", initramfs.toString(),
                "-append", "console=ttyS0 quiet panic=-1 rdinit=/init");
    }
}
