package io.voidvm.nodeagent.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the host programs the agent runs. */
public final class Executables {

    private Executables() {
    }

    /**
     * The absolute path of {@code program}; when it is on no PATH entry, {@code /usr/bin/<program>}, so that the
     * agent still starts and a run fails naming the missing file.
     */
    public static Path onPath(String program) {
        Path given = Path.of(program);
        if (given.isAbsolute()) {
            return given;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/bin"))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).resolve(program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of("/usr/bin").resolve(program))
                .toAbsolutePath();
    }
}
