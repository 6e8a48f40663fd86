package io.voidvm.nodeagent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.nodeagent.volume.domain.DiskInfo;
import io.voidvm.nodeagent.volume.domain.PoolPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How volume commands are taken on: a message id is acted on once, the same command under a new id (storage-service
 * sending again what went unanswered) is acted on again and answered again without redoing the work, and the
 * commands of one volume never run at once while other volumes go on. The disk tool is a fake that writes the
 * size into the file; {@link VolumeDisksIT} covers the real {@code qemu-img}.
 */
class VolumeCommandsTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final FakeDiskTool tool = new FakeDiskTool();
    private final List<VolumeEvent> events = new CopyOnWriteArrayList<>();
    private final Set<UUID> processed = ConcurrentHashMap.newKeySet();
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());
    private VolumeCommands commands;

    @BeforeEach
    void setUp() {
        ImageCache images = new ImageCache(dir.resolve("images"), Long.MAX_VALUE, (sha, offset) -> {
            throw new IllegalStateException("no image is fetched here");
        }, Set::of, Clock.systemUTC());
        VolumeDisks disks = new VolumeDisks(new PoolPaths(dir.resolve("pools")), tool, images);
        HostedVms noVms = new HostedVms() {
            @Override
            public List<UUID> runningVmsUsing(UUID volumeId) {
                return List.of();
            }

            @Override
            public boolean resizeOnline(UUID vmId, Path file, long newSizeBytes) {
                return false;
            }
        };
        VolumeCommands.ProcessedIds ids = new VolumeCommands.ProcessedIds() {
            @Override
            public boolean contains(UUID messageId) {
                return processed.contains(messageId);
            }

            @Override
            public boolean record(UUID messageId) {
                return processed.add(messageId);
            }
        };
        commands = new VolumeCommands(disks, noVms, (origin, event) -> events.add(event), ids, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        tool.gate.countDown();
        commands.close();
    }

    @Test
    void aRedeliveryIsDroppedButTheSameCommandUnderANewIdIsAnsweredAgainWithoutRedoingTheWork() {
        tool.gate.countDown();
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        CreateVolume create = new CreateVolume(location, 16 * MIB, new VolumeOrigin.Blank());
        MessageEnvelope<VolumeCommand> first = command(create);

        assertThat(commands.accept(first)).isEqualTo(VolumeCommands.Acceptance.QUEUED);
        assertThat(commands.accept(first)).isEqualTo(VolumeCommands.Acceptance.DUPLICATE);
        assertThat(commands.accept(command(create))).isEqualTo(VolumeCommands.Acceptance.QUEUED);

        await().atMost(WAIT).until(() -> events.size() == 2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
            assertThat(event.virtualSizeBytes()).isEqualTo(16 * MIB);
        });
        assertThat(tool.creates.get()).as("the second copy found the file").isEqualTo(1);
    }

    @Test
    void everyVolumeCommandSentAgainIsASuccess() {
        tool.gate.countDown();
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        List<VolumeCommand> twice = List.of(new CreateVolume(location, 16 * MIB, new VolumeOrigin.Blank()),
                new ResizeVolume(location, 32 * MIB, null, null), new DeleteVolume(location));

        for (VolumeCommand command : twice) {
            int before = events.size();
            commands.accept(command(command));
            commands.accept(command(command));
            await().atMost(WAIT).until(() -> events.size() == before + 2);
        }

        assertThat(events).extracting(VolumeEvent::outcome).containsOnly(CommandOutcome.SUCCEEDED);
        assertThat(events.get(3).virtualSizeBytes()).isEqualTo(32 * MIB);
        assertThat(tool.creates.get()).isEqualTo(1);
        assertThat(tool.resizes.get()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("pools/default").resolve(location.volumeId() + ".qcow2"))).isFalse();
    }

    @Test
    void theCommandsOfOneVolumeNeverRunAtOnceWhileOtherVolumesGoOn() throws InterruptedException {
        VolumeLocation slow = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        VolumeLocation other = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        tool.held.add(slow.volumeId());
        CreateVolume create = new CreateVolume(slow, 16 * MIB, new VolumeOrigin.Blank());

        commands.accept(command(create));
        assertThat(tool.entered.await(10, TimeUnit.SECONDS)).isTrue();
        // the first copy is still running (a slow image download, say) when the second arrives
        commands.accept(command(create));
        commands.accept(command(new CreateVolume(other, 8 * MIB, new VolumeOrigin.Blank())));

        await().atMost(WAIT).until(() -> events.stream().anyMatch(event -> event.volumeId().equals(other.volumeId())));
        assertThat(events).noneMatch(event -> event.volumeId().equals(slow.volumeId()));
        tool.gate.countDown();
        await().atMost(WAIT).until(() -> events.size() == 3);
        assertThat(events).allSatisfy(event -> assertThat(event.outcome()).isEqualTo(CommandOutcome.SUCCEEDED));
        assertThat(tool.mostAtOnce.get(slow.volumeId())).isEqualTo(1);
        assertThat(tool.creates.get()).isEqualTo(2);
    }

    private MessageEnvelope<VolumeCommand> command(VolumeCommand command) {
        return envelopes.<VolumeCommand>of(command).tenantId("acme").nodeName("node-a").build();
    }

    /**
     * Writes the size into the file as text; counts calls and, per volume, how many of its calls run at once.
     * Calls for a volume in {@code held} wait for {@code gate}.
     */
    private static final class FakeDiskTool implements DiskTool {
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger resizes = new AtomicInteger();
        final Set<UUID> held = ConcurrentHashMap.newKeySet();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        final Map<UUID, Integer> mostAtOnce = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

        @Override
        public void create(Path file, String format, long sizeBytes) {
            creates.incrementAndGet();
            work(file, () -> write(file, sizeBytes));
        }

        @Override
        public void createOverlay(Path file, Path backing, String backingFormat, long sizeBytes) {
            throw new UnsupportedOperationException("no images here");
        }

        @Override
        public void resize(Path file, String format, long sizeBytes) {
            resizes.incrementAndGet();
            work(file, () -> write(file, sizeBytes));
        }

        @Override
        public DiskInfo info(Path file, String format) {
            try {
                long size = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII));
                return new DiskInfo(size, 4096, format, Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void work(Path file, Runnable change) {
            UUID volume = UUID.fromString(file.getFileName().toString().substring(0, 36));
            int now = running.computeIfAbsent(volume, id -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.merge(volume, now, Math::max);
            try {
                if (held.contains(volume)) {
                    entered.countDown();
                    gate.await(10, TimeUnit.SECONDS);
                }
                change.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.get(volume).decrementAndGet();
            }
        }

        private static void write(Path file, long sizeBytes) {
            try {
                Files.writeString(file, Long.toString(sizeBytes), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
