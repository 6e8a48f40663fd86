package io.voidvm.nodeagent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes a test's scratch directory (state dirs, disks) once its QEMU processes are gone. Best effort: an
 * agent still shutting down may write into it meanwhile, and a leftover temp directory harms nobody.
 */
public final class Trees {

    private Trees() {
    }

    public static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("left behind " + root + ": " + e);
        }
    }
}
