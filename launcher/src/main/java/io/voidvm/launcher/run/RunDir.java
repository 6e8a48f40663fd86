package io.voidvm.launcher.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code <data>/run}: one {@code <component>.pid} file per running component (one process per line), the
 * launcher's own pid file and the ready marker. These files let {@code down} and {@code status} find
 * processes after the launcher that started them is gone.
 */
public final class RunDir {

    public static final String LAUNCHER = "launcher";
    private static final String PID_SUFFIX = ".pid";
    private static final String READY = "ready";
    private static final String NODES = "nodes";
    private static final String CONTROL_SOCKET = "control.sock";

    private final Path dir;

    public RunDir(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void record(String component, Collection<PidRecord> processes) {
        List<String> lines = processes.stream().map(PidRecord::toLine).toList();
        writeAtomically(pidFile(component), String.join("\n", lines) + "\n");
    }

    public List<PidRecord> read(String component) {
        Path file = pidFile(component);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .map(PidRecord::parse).flatMap(Optional::stream).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Every component that has a pid file, in file-name order, with the processes it lists. */
    public Map<String, List<PidRecord>> all() {
        Map<String, List<PidRecord>> result = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(PID_SUFFIX))
                    .sorted()
                    .forEach(name -> {
                        String component = name.substring(0, name.length() - PID_SUFFIX.length());
                        result.put(component, read(component));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return result;
    }

    /** The processes of {@code component} that still run. */
    public List<ProcessHandle> live(String component) {
        List<ProcessHandle> live = new ArrayList<>();
        read(component).forEach(record -> record.live().ifPresent(live::add));
        return live;
    }

    public void forget(String component) {
        delete(pidFile(component));
    }

    /** Marks the stack ready; {@code token} lets the caller that is waiting tell this start from an older one. */
    public void markReady(String token) {
        writeAtomically(dir.resolve(READY), token);
    }

    public void clearReady() {
        delete(dir.resolve(READY));
    }

    public boolean isReady() {
        return Files.exists(dir.resolve(READY));
    }

    /** Notes how many node agents the running stack has, for {@code status} and {@code restart}. */
    public void recordNodes(int nodes) {
        writeAtomically(dir.resolve(NODES), nodes + "\n");
    }

    /** The node agents of the running stack, if one recorded them. */
    public Optional<Integer> nodes() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(dir.resolve(NODES), StandardCharsets.US_ASCII)
                    .strip())).filter(nodes -> nodes > 0);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void forgetNodes() {
        delete(dir.resolve(NODES));
    }

    /** The Unix socket on which a running launcher takes requests such as {@code restart NAME}. */
    public Path controlSocket() {
        return dir.resolve(CONTROL_SOCKET);
    }

    private Path pidFile(String component) {
        if (!component.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a component name: " + component);
        }
        return dir.resolve(component + PID_SUFFIX);
    }

    private void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
