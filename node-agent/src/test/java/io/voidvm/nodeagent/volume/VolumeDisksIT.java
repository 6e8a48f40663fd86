package io.voidvm.nodeagent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.nodeagent.volume.domain.DiskInfo;
import io.voidvm.nodeagent.volume.domain.PoolPaths;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import io.voidvm.testsupport.qemu.QemuBinary;
import io.voidvm.testsupport.qemu.RequiresQemu;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume disk work against the real {@code qemu-img}. */
@RequiresQemu
class VolumeDisksIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final List<UUID> running = new ArrayList<>();
    private QemuImgDiskTool tool;
    private VolumeDisks disks;
    private ImageCache images;

    @BeforeEach
    void setUp() {
        tool = new QemuImgDiskTool(QemuBinary.require().img(), Duration.ofSeconds(30));
        BlobSource source = (sha, offset) -> new BlobSource.Blob(new ByteArrayInputStream(blobs.get(sha)), 0);
        images = new ImageCache(dir.resolve("images"), Long.MAX_VALUE, source, Set::of, Clock.systemUTC());
        disks = new VolumeDisks(new PoolPaths(dir.resolve("pools")), tool, images);
    }

    private final HostedVms vms = new HostedVms() {
        @Override
        public List<UUID> runningVmsUsing(UUID volumeId) {
            return running.contains(volumeId) ? List.of(UUID.randomUUID()) : List.of();
        }

        @Override
        public boolean resizeOnline(UUID vmId, Path file, long newSizeBytes) {
            return false;
        }
    };

    @Test
    void aBlankVolumeIsAThinQcow2OfTheRequestedSizeAndCreatingItAgainChangesNothing() {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);

        VolumeDisks.Sizes sizes = disks.create(new CreateVolume(location, 64 * MIB, new VolumeOrigin.Blank()));
        VolumeDisks.Sizes again = disks.create(new CreateVolume(location, 64 * MIB, new VolumeOrigin.Blank()));

        Path file = dir.resolve("pools/default").resolve(location.volumeId() + ".qcow2");
        assertThat(file).isRegularFile();
        assertThat(file.resolveSibling(file.getFileName() + ".partial")).doesNotExist();
        assertThat(sizes.virtualSizeBytes()).isEqualTo(64 * MIB);
        assertThat(sizes.allocatedBytes()).isPositive().isLessThan(4 * MIB);
        assertThat(again).isEqualTo(sizes);
        assertThat(tool.info(file, "qcow2").format()).isEqualTo("qcow2");
        assertThatThrownBy(() -> disks.create(new CreateVolume(location, 32 * MIB, new VolumeOrigin.Blank())))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_CONFLICT));
    }

    @Test
    void aVolumeFromAnImageIsAnOverlayOnTheCachedBase() throws IOException {
        Path image = TestGuests.markerDiskQcow2(dir.resolve("src"), "base");
        byte[] content = Files.readAllBytes(image);
        String sha = ImageCacheTest.sha256(content);
        blobs.put(sha, content);
        VolumeLocation location = new VolumeLocation("gold", UUID.randomUUID(), DiskFormat.QCOW2);

        VolumeDisks.Sizes sizes = disks.create(new CreateVolume(location, 8 * MIB,
                new VolumeOrigin.FromImage(UUID.randomUUID(), sha, DiskFormat.QCOW2)));

        Path file = disks.file(location);
        DiskInfo info = tool.info(file, "qcow2");
        assertThat(info.backingFilename()).contains(images.path(sha).toString());
        assertThat(sizes.virtualSizeBytes()).isEqualTo(8 * MIB);
        assertThat(disks.basesInUse()).containsExactly(sha);
    }

    @Test
    void aVolumeSmallerThanItsImageIsRefused() throws IOException {
        byte[] raw = Files.readAllBytes(TestGuests.markerDisk(dir.resolve("src"), "big"));
        String sha = ImageCacheTest.sha256(raw);
        blobs.put(sha, raw);
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);

        assertThatThrownBy(() -> disks.create(new CreateVolume(location, TestGuests.MARKER_DISK_SIZE / 2,
                new VolumeOrigin.FromImage(UUID.randomUUID(), sha, DiskFormat.RAW))))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.SIZE_BELOW_IMAGE));
        assertThat(disks.file(location)).doesNotExist();
    }

    @Test
    void volumesGrowOfflineAndASizeAlreadyReachedIsASuccessThatChangesNothing() {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        disks.create(new CreateVolume(location, 16 * MIB, new VolumeOrigin.Blank()));

        VolumeDisks.Sizes grown = disks.resize(new ResizeVolume(location, 48 * MIB, null, null), vms);
        VolumeDisks.Sizes again = disks.resize(new ResizeVolume(location, 48 * MIB, null, null), vms);
        VolumeDisks.Sizes smaller = disks.resize(new ResizeVolume(location, 16 * MIB, null, null), vms);

        assertThat(grown.virtualSizeBytes()).isEqualTo(48 * MIB);
        assertThat(again).isEqualTo(grown);
        assertThat(smaller).as("never shrinks: reports what the file has").isEqualTo(grown);
        assertThat(tool.info(disks.file(location), "qcow2").virtualSizeBytes()).isEqualTo(48 * MIB);
        VolumeLocation missing = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        assertThatThrownBy(() -> disks.resize(new ResizeVolume(missing, 16 * MIB, null, null), vms))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_NOT_FOUND));
    }

    @Test
    void aVolumeFromAnImageCreatedAgainIsTheSameOverlayButAnotherOriginIsAConflict() throws IOException {
        Path image = TestGuests.markerDiskQcow2(dir.resolve("src"), "again");
        byte[] content = Files.readAllBytes(image);
        String sha = ImageCacheTest.sha256(content);
        blobs.put(sha, content);
        VolumeLocation location = new VolumeLocation("gold", UUID.randomUUID(), DiskFormat.QCOW2);
        CreateVolume create = new CreateVolume(location, 8 * MIB,
                new VolumeOrigin.FromImage(UUID.randomUUID(), sha, DiskFormat.QCOW2));

        VolumeDisks.Sizes first = disks.create(create);
        VolumeDisks.Sizes again = disks.create(create);

        assertThat(again).isEqualTo(first);
        assertThat(tool.info(disks.file(location), "qcow2").backingFilename()).contains(images.path(sha).toString());
        for (VolumeOrigin other : List.of(new VolumeOrigin.Blank(),
                new VolumeOrigin.FromImage(UUID.randomUUID(), "0".repeat(64), DiskFormat.QCOW2))) {
            assertThatThrownBy(() -> disks.create(new CreateVolume(location, 8 * MIB, other)))
                    .as("%s", other)
                    .isInstanceOfSatisfying(VolumeFailure.class,
                            failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_CONFLICT));
        }
        VolumeLocation blank = new VolumeLocation("gold", UUID.randomUUID(), DiskFormat.QCOW2);
        disks.create(new CreateVolume(blank, 8 * MIB, new VolumeOrigin.Blank()));
        assertThatThrownBy(() -> disks.create(new CreateVolume(blank, 8 * MIB, create.origin())))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_CONFLICT));
    }

    @Test
    void aCreateCutShortBeforeItsRenameIsDoneAfreshWhenSentAgain() throws IOException {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        Path file = disks.file(location);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        // the agent died while qemu-img was writing: a torn partial file and no volume file
        Files.createDirectories(file.getParent());
        Files.write(partial, new byte[] {'Q', 'F', 'I'});

        VolumeDisks.Sizes sizes = disks.create(new CreateVolume(location, 32 * MIB, new VolumeOrigin.Blank()));

        assertThat(sizes.virtualSizeBytes()).isEqualTo(32 * MIB);
        assertThat(tool.info(file, "qcow2").format()).isEqualTo("qcow2");
        assertThat(partial).doesNotExist();
    }

    @Test
    void deleteIsIdempotentAndRefusedWhileARunningVmUsesTheVolume() {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.RAW);
        disks.create(new CreateVolume(location, MIB, new VolumeOrigin.Blank()));
        running.add(location.volumeId());

        assertThatThrownBy(() -> disks.delete(new DeleteVolume(location), vms))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_IN_USE));
        assertThat(disks.file(location)).exists();

        running.clear();
        disks.delete(new DeleteVolume(location), vms);
        disks.delete(new DeleteVolume(location), vms);
        assertThat(disks.file(location)).doesNotExist();
    }

    @Test
    void aMissingVolumeFileIsAwaitedBoundedly() {
        UUID volumeId = UUID.randomUUID();

        assertThatThrownBy(() -> disks.awaitFile("default", volumeId, DiskFormat.QCOW2, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(VolumeFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo(VolumeFailure.VOLUME_NOT_READY));
        disks.create(new CreateVolume(new VolumeLocation("default", volumeId, DiskFormat.QCOW2), MIB,
                new VolumeOrigin.Blank()));
        assertThat(disks.awaitFile("default", volumeId, DiskFormat.QCOW2, Duration.ofMillis(300)))
                .isEqualTo(dir.resolve("pools/default").resolve(volumeId + ".qcow2"));
    }
}
