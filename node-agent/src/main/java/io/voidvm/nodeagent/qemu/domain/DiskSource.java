package io.voidvm.nodeagent.qemu.domain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a disk's bytes come from. Today only a test disk named by node configuration exists; volumes and
 * image-backed disks join this sealed set when storage-service and image-service land, and the argv builder's
 * exhaustive switch then tells the compiler where they must be handled (their files live under the VM's
 * {@code disks/} directory, see {@link VmPaths#disk}).
 */
public sealed interface DiskSource {

    /** A disk image at an absolute host path given by the agent's configuration (development and tests). */
    record TestDisk(Path path) implements DiskSource {

        public TestDisk {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("test disk path must be absolute: " + path);
            }
            path = path.normalize();
        }
    }
}
