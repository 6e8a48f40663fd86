package io.voidvm.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch and log directories of the stacks the system tests and benchmarks start. */
final class HarnessFiles {

    private HarnessFiles() {
    }

    /** Under Maven the child logs land in {@code target/system-tests/<name>/}, emptied first, for post-mortems. */
    static Path freshLogDir(String name) {
        Path target = Path.of("target");
        Path dir = Files.isDirectory(target) ? target.resolve("system-tests").resolve(name).toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "voidvm-system-tests", name);
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Short on purpose: {@code <stateDir>/vms/<uuid>/qmp.sock} must fit in a Unix socket path (107 bytes). */
    static Path createTempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp dir is harmless, a leftover process is not (handled by the callers)
        }
    }
}
