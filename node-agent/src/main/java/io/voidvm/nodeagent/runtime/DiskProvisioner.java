package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.volume.VolumeDisks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each disk of a spec a host file. A {@link DiskSource.TestDisk} names a file in the node's test-disk
 * directory (or, without one, the node's single configured test disk); a writable disk is copied once into
 * the VM's {@code disks/} so that VMs never share a writable image (QEMU's image locks would refuse the second,
 * and one guest's writes would leak into the next). A {@link DiskSource.Volume} is the VM's own writable disk in
 * its pool and is used in place, never copied; when its file is not there yet (its CreateVolume travels on another
 * partition than the VM's start) the start waits for it, up to {@code volumeWait}. Image disks without a volume
 * are not supported: vm-service makes a boot volume from the image instead.
 */
public final class DiskProvisioner {

    private final Optional<Path> testDiskDir;
    private final Optional<Path> testDisk;
    private final Optional<VolumeDisks> volumes;
    private final Duration volumeWait;

    public DiskProvisioner(Optional<Path> testDiskDir, Optional<Path> testDisk) {
        this(testDiskDir, testDisk, Optional.empty(), Duration.ZERO);
    }

    public DiskProvisioner(Optional<Path> testDiskDir, Optional<Path> testDisk, Optional<VolumeDisks> volumes,
            Duration volumeWait) {
        this.testDiskDir = testDiskDir.map(dir -> dir.toAbsolutePath().normalize());
        this.testDisk = testDisk.map(file -> file.toAbsolutePath().normalize());
        this.volumes = volumes;
        this.volumeWait = volumeWait;
    }

    /** The host file of a volume disk, waiting for it to appear; throws VolumeFailure VOLUME_NOT_READY. */
    public Path volume(DiskSpec disk, DiskSource.Volume volume) {
        VolumeDisks pools = volumes.orElseThrow(() -> new UnsupportedSpecException("disk " + disk.id()
                + ": this node has no storage pools configured"));
        try {
            return pools.awaitFile(volume.poolPath(), volume.volumeId(), disk.format(), volumeWait);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSpecException("disk " + disk.id() + ": " + e.getMessage());
        }
    }

    /** The host file a volume disk has, without waiting (it may not exist). */
    public Optional<Path> volumeFile(DiskSpec disk) {
        if (!(disk.source() instanceof DiskSource.Volume volume) || volumes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(volumes.get().file(volume.poolPath(), volume.volumeId(), disk.format()));
    }

    /** Host file per disk id. */
    public Map<String, Path> provision(VmPaths paths, VmSpec spec) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (DiskSpec disk : spec.disks()) {
            Path file = switch (disk.source()) {
                case DiskSource.TestDisk test -> disk.readOnly() ? testDisk(test) : privateCopy(paths, disk, testDisk(test));
                case DiskSource.Image image -> throw new UnsupportedSpecException("disk " + disk.id()
                        + ": image disks need a volume made from the image (CreateVolume), not supported directly");
                case DiskSource.Volume volume -> volume(disk, volume);
            };
            files.put(disk.id(), file);
        }
        return files;
    }

    private Path testDisk(DiskSource.TestDisk test) {
        Path file;
        if (testDiskDir.isPresent()) {
            file = testDiskDir.get().resolve(test.path()).normalize();
            // TestDisk already refuses '..' and absolute paths; checked again because the file is opened as root
            if (!file.startsWith(testDiskDir.get())) {
                throw new UnsupportedSpecException("test disk " + test.path() + " leaves the test-disk directory");
            }
        } else {
            file = testDisk.orElseThrow(() -> new UnsupportedSpecException("test disk " + test.path()
                    + " requested, but this node has no test-disk-dir or test-disk-path configured"));
        }
        if (!Files.isRegularFile(file)) {
            throw new UnsupportedSpecException("test disk " + test.path() + " does not exist on this node");
        }
        return file;
    }

    private static Path privateCopy(VmPaths paths, DiskSpec disk, Path source) {
        Path copy = paths.disk(disk.id() + "." + disk.format().name().toLowerCase(java.util.Locale.ROOT));
        if (Files.exists(copy)) {
            return copy;
        }
        try {
            Files.createDirectories(copy.getParent());
            Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + copy, e);
        }
    }
}
