package io.voidvm.nodeagent.volume;

import io.voidvm.nodeagent.volume.domain.DiskInfo;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DiskTool} on {@code qemu-img}, run as a subprocess with an argument list (never a shell) and a time
 * limit; output goes to temporary files so a chatty tool can never block on a full pipe. Every run takes a slot of
 * the node-wide {@link NodeLimit} on disk tools first, so a burst of volume commands cannot run them all at once.
 */
public final class QemuImgDiskTool implements DiskTool {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path qemuImg;
    private final Duration timeout;
    private final NodeLimit limit;

    public QemuImgDiskTool(Path qemuImg, Duration timeout) {
        this(qemuImg, timeout, NodeLimit.diskTools(2, 64, Duration.ofMinutes(10)));
    }

    QemuImgDiskTool(Path qemuImg, Duration timeout, NodeLimit limit) {
        this.qemuImg = Objects.requireNonNull(qemuImg, "qemuImg");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    @Override
    public void create(Path file, String format, long sizeBytes) {
        run(List.of("create", "-q", "-f", format, file.toString(), Long.toString(sizeBytes)));
    }

    @Override
    public void createOverlay(Path file, Path backing, String backingFormat, long sizeBytes) {
        run(List.of("create", "-q", "-f", "qcow2", "-b", backing.toString(), "-F", backingFormat, file.toString(),
                Long.toString(sizeBytes)));
    }

    @Override
    public void resize(Path file, String format, long sizeBytes) {
        run(List.of("resize", "-q", "-f", format, file.toString(), Long.toString(sizeBytes)));
    }

    @Override
    public DiskInfo info(Path file, String format) {
        String json = run(List.of("info", "-U", "-f", format, "--output=json", file.toString()));
        try {
            JsonNode info = JSON.readTree(json);
            String backing = info.path("backing-filename").asString(null);
            return new DiskInfo(info.path("virtual-size").asLong(0), info.path("actual-size").asLong(0),
                    info.path("format").asString(""), Optional.ofNullable(backing).filter(name -> !name.isEmpty()));
        } catch (JacksonException e) {
            throw new VolumeFailure(VolumeFailure.DISK_TOOL_FAILED, "qemu-img info of " + file
                    + " gave unreadable output: " + e.getOriginalMessage(), e);
        }
    }

    private String run(List<String> arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(qemuImg.toString());
        argv.addAll(arguments);
        String what = "qemu-img " + arguments.getFirst();
        Path out = null;
        Path err = null;
        try (NodeLimit.Slot ignored = limit.acquire(what)) {
            out = Files.createTempFile("qemu-img-", ".out");
            err = Files.createTempFile("qemu-img-", ".err");
            Process process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new VolumeFailure(VolumeFailure.DISK_TOOL_FAILED, what + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                String complaint = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new VolumeFailure(VolumeFailure.DISK_TOOL_FAILED, what + " failed (exit " + process.exitValue()
                        + "): " + complaint);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VolumeFailure(VolumeFailure.DISK_TOOL_FAILED, "cannot run " + qemuImg + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VolumeFailure(VolumeFailure.DISK_TOOL_FAILED, what + " interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
