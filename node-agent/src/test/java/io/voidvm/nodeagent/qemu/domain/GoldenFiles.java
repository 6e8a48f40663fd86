package io.voidvm.nodeagent.qemu.domain;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a list of lines with {@code src/test/resources/golden/<name>.txt}, showing a line diff on mismatch.
 * {@code -Dgolden.update=true} rewrites the files instead; review the change with {@code git diff}.
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    static void assertMatches(String name, List<String> actual) {
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            write(file, actual);
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing; create it with -Dgolden.update=true");
        }
        List<String> expected = read(file);
        if (!expected.equals(actual)) {
            fail("argv differs from " + file + " (- golden, + actual); if the change is intended, rerun with "
                    + "-Dgolden.update=true and review the diff\n" + diff(expected, actual));
        }
    }

    /** A minimal line diff (longest common subsequence), enough for argv lists of a few dozen lines. */
    static String diff(List<String> expected, List<String> actual) {
        int[][] common = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                out.add("  " + expected.get(i++));
                j++;
            } else if (j < actual.size() && (i == expected.size() || common[i][j + 1] >= common[i + 1][j])) {
                out.add("+ " + actual.get(j++));
            } else {
                out.add("- " + expected.get(i++));
            }
        }
        return String.join("\n", out);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
