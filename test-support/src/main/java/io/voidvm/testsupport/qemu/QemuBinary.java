package io.voidvm.testsupport.qemu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's {@code qemu-system-x86_64} and {@code qemu-img}. They come from the system packages, not from
 * Maven, so a missing one gets a message saying exactly what to install.
 */
public record QemuBinary(Path system, Path img) {

    public static final String INSTALL_HINT = "QEMU is not installed: on Debian/Ubuntu run "
            + "'apt-get install qemu-system-x86 qemu-utils' (qemu-system-x86_64 and qemu-img must be on PATH, "
            + "or set -Dvoidvm.qemu.dir=<directory holding both>)";

    /** Both binaries, or empty when either is missing. */
    public static Optional<QemuBinary> locate() {
        List<Path> dirs = searchDirs();
        Optional<Path> system = find("qemu-system-x86_64", dirs);
        Optional<Path> img = find("qemu-img", dirs);
        return system.isPresent() && img.isPresent()
                ? Optional.of(new QemuBinary(system.get(), img.get()))
                : Optional.empty();
    }

    /** Both binaries, or an exception whose message says what to install. */
    public static QemuBinary require() {
        return locate().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    }

    private static List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("voidvm.qemu.dir");
        if (override != null && !override.isBlank()) {
            dirs.add(Path.of(override));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        // PATH of a test JVM forked by an IDE or a service manager can be minimal
        dirs.add(Path.of("/usr/bin"));
        dirs.add(Path.of("/usr/local/bin"));
        return dirs;
    }

    private static Optional<Path> find(String name, List<Path> dirs) {
        return dirs.stream()
                .map(dir -> dir.resolve(name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
