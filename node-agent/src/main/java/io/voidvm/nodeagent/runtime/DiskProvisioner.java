package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each disk of a spec a host file. A {@link DiskSource.TestDisk} names a file in the node's test-disk
 * directory (or, without one, the node's single configured test disk); a writable disk is copied once into
 * the VM's {@code disks/} so that VMs never share a writable image (QEMU's image locks would refuse the second,
 * and one guest's writes would leak into the next). Images and volumes arrive with image- and storage-service.
 */
public final class DiskProvisioner {

    private final Optional<Path> testDiskDir;
    private final Optional<Path> testDisk;

    public DiskProvisioner(Optional<Path> testDiskDir, Optional<Path> testDisk) {
        this.testDiskDir = testDiskDir.map(dir -> dir.toAbsolutePath().normalize());
        this.testDisk = testDisk.map(file -> file.toAbsolutePath().normalize());
    }

    /** Host file per disk id. */
    public Map<String, Path> provision(VmPaths paths, VmSpec spec) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (DiskSpec disk : spec.disks()) {
            Path source = switch (disk.source()) {
                case DiskSource.TestDisk test -> testDisk(test);
                case DiskSource.Image image -> throw new UnsupportedSpecException(
                        "disk " + disk.id() + ": image disks are not supported by this agent yet");
                case DiskSource.Volume volume -> throw new UnsupportedSpecException(
                        "disk " + disk.id() + ": volumes are not supported by this agent yet");
            };
            files.put(disk.id(), disk.readOnly() ? source : privateCopy(paths, disk, source));
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
