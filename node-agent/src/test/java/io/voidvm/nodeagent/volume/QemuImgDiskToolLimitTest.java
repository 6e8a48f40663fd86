package io.voidvm.nodeagent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node-wide cap on {@code qemu-img} runs, with a stand-in tool that runs until the test lets it finish. */
class QemuImgDiskToolLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aRunBeyondTheLimitAndItsWaitingRoomIsRefusedAgentBusyAtOnce() throws IOException {
        Path release = dir.resolve("release");
        Path started = dir.resolve("started");
        Path tool = Files.writeString(dir.resolve("fake-qemu-img"), """
                #!/bin/sh
                touch '%s'
                while [ ! -e '%s' ]; do sleep 0.05; done
                """.formatted(started, release));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        NodeLimit limit = NodeLimit.diskTools(1, 0, WAIT);
        QemuImgDiskTool disks = new QemuImgDiskTool(tool, WAIT, limit);

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(
                    () -> disks.create(dir.resolve("a.qcow2"), "qcow2", 1 << 20), threads);
            await().atMost(WAIT).until(() -> Files.exists(started));

            assertThatThrownBy(() -> disks.resize(dir.resolve("b.qcow2"), "qcow2", 2 << 20))
                    .isInstanceOfSatisfying(VolumeFailure.class, failure -> {
                        assertThat(failure.code()).isEqualTo(VolumeFailure.AGENT_BUSY);
                        assertThat(failure.getMessage()).contains("qemu-img resize",
                                "voidvm.nodeagent.volumes.max-concurrent-disk-tools=1");
                    });
            assertThat(limit.inUse()).isEqualTo(1);

            Files.createFile(release);
            assertThat(first).succeedsWithin(WAIT);
        }
        assertThat(limit.inUse()).isZero();
    }
}
