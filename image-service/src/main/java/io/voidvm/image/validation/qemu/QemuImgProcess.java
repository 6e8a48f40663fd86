package io.voidvm.image.validation.qemu;

import io.voidvm.image.validation.domain.QemuImg;
import io.voidvm.image.validation.domain.QemuImgCheck;
import io.voidvm.image.validation.domain.QemuImgFailure;
import io.voidvm.image.validation.domain.QemuImgInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code qemu-img} as {@code prlimit --as=<bytes> -- qemu-img ...} (when prlimit exists): a hostile image
 * cannot make it eat memory, and the process is killed when it outlives the time limit. Output is read with a
 * cap, so a chatty failure cannot fill the heap either.
 */
public final class QemuImgProcess implements QemuImg {

    private static final int MAX_OUTPUT = 1 << 20;
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private final String binary;
    private final Duration timeout;
    private final long addressSpaceBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    public QemuImgProcess(String binary, Duration timeout, long addressSpaceBytes) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.addressSpaceBytes = addressSpaceBytes;
    }

    @Override
    public QemuImgInfo info(Path file, String format) {
        List<String> args = new ArrayList<>(List.of("info", "--output=json"));
        if (format != null) {
            args.addAll(List.of("-f", format));
        }
        args.add(file.toAbsolutePath().toString());
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new QemuImgFailure(firstLine(result.stderr()));
        }
        try {
            JsonNode root = json.readTree(result.stdout());
            JsonNode data = root.path("format-specific").path("data");
            String backing = text(root, "full-backing-filename");
            return new QemuImgInfo(root.path("format").asString(""), root.path("virtual-size").asLong(-1),
                    backing != null ? backing : text(root, "backing-filename"), text(data, "data-file"),
                    data.path("corrupt").asBoolean(false));
        } catch (JacksonException e) {
            throw new QemuImgFailure("qemu-img printed no readable JSON", e);
        }
    }

    @Override
    public QemuImgCheck check(Path file, String format) {
        Result result = run(List.of("check", "--output=json", "-f", format, file.toAbsolutePath().toString()));
        try {
            JsonNode root = result.stdout().isBlank() ? json.createObjectNode() : json.readTree(result.stdout());
            long corruptions = root.path("corruptions").asLong(0);
            long errors = root.path("check-errors").asLong(0);
            if (result.exitCode() == 1 && root.isEmpty()) {
                throw new QemuImgFailure(firstLine(result.stderr()));
            }
            return new QemuImgCheck(result.exitCode(), corruptions, errors);
        } catch (JacksonException e) {
            throw new QemuImgFailure("qemu-img check printed no readable JSON", e);
        }
    }

    private Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            command.addAll(List.of(PRLIMIT.toString(), "--as=" + addressSpaceBytes, "--"));
        }
        command.add(binary);
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new QemuImgFailure("cannot run " + binary + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new QemuImgFailure("qemu-img did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new QemuImgFailure("interrupted while qemu-img ran", e);
        }
    }

    /** Reads everything (so the child never blocks on a full pipe) but keeps at most {@link #MAX_OUTPUT} bytes. */
    private static String drain(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int room = MAX_OUTPUT - kept.size();
                if (room > 0) {
                    kept.write(buffer, 0, Math.min(room, read));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** qemu-img's message without the file path it quotes (that is our temp file, not the client's business). */
    private static String firstLine(String stderr) {
        String line = stderr.strip().lines().findFirst().orElse("qemu-img failed");
        line = line.replaceFirst("^qemu-img: ", "");
        line = line.replaceAll("'?/[^' ]*'?:? ?", "");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
