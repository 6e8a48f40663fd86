package io.voidvm.nodeagent.volume;

import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.nodeagent.volume.domain.DiskInfo;
import io.voidvm.nodeagent.volume.domain.PoolPaths;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk work behind volume commands, against the files of this node's pools. Every operation is idempotent
 * against the file on disk, so a redelivered command or a retry after a crash does no harm.
 */
public final class VolumeDisks {

    private static final Logger log = LoggerFactory.getLogger(VolumeDisks.class);
    private static final long POLL_NANOS = 100_000_000;

    /** The size of a volume file after the work, for the VolumeEvent. */
    public record Sizes(long virtualSizeBytes, long allocatedBytes) {
    }

    private final PoolPaths pools;
    private final DiskTool tool;
    private final ImageCache images;

    public VolumeDisks(PoolPaths pools, DiskTool tool, ImageCache images) {
        this.pools = pools;
        this.tool = tool;
        this.images = images;
    }

    /** The file of a volume; throws IllegalArgumentException for a location outside the pools root. */
    public Path file(String poolPath, UUID volumeId, DiskFormat format) {
        return pools.volume(poolPath, volumeId, extension(format));
    }

    public Path file(VolumeLocation location) {
        return file(location.poolPath(), location.volumeId(), location.format());
    }

    /**
     * The volume's file once it exists, waiting up to {@code wait} for it: a CreateVolume (keyed by volume) and
     * the StartVm that needs it (keyed by VM) travel on different partitions and may arrive in either order.
     */
    public Path awaitFile(String poolPath, UUID volumeId, DiskFormat format, Duration wait) {
        Path file = file(poolPath, volumeId, format);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.isRegularFile(file)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new VolumeFailure(VolumeFailure.VOLUME_NOT_READY, "volume " + volumeId + " did not appear in pool '"
                        + poolPath + "' within " + wait);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new VolumeFailure(VolumeFailure.VOLUME_NOT_READY, "interrupted waiting for volume " + volumeId);
            }
        }
        return file;
    }

    public Sizes create(CreateVolume command) {
        VolumeLocation location = command.location();
        Path file = file(location);
        String format = extension(location.format());
        if (Files.exists(file)) {
            return existing(file, format, command);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
        switch (command.origin()) {
            case VolumeOrigin.Blank ignored -> tool.create(partial, format, command.sizeBytes());
            case VolumeOrigin.FromImage image -> overlay(partial, location, image, command.sizeBytes());
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " into place", e);
        }
        log.info("volume {}: created {} ({} bytes, {})", location.volumeId(), file, command.sizeBytes(),
                command.origin().getClass().getSimpleName());
        return sizes(file, format);
    }

    /**
     * A create that already happened (a redelivered or re-sent command, or one whose answer was lost in a crash):
     * the same file again is a success; a file of another size or another origin is a conflict, never replaced.
     */
    private Sizes existing(Path file, String format, CreateVolume command) {
        DiskInfo info = tool.info(file, format);
        if (info.virtualSizeBytes() != command.sizeBytes()) {
            throw new VolumeFailure(VolumeFailure.VOLUME_CONFLICT, "a volume file of " + info.virtualSizeBytes()
                    + " bytes already exists at " + file.getFileName() + "; asked for " + command.sizeBytes());
        }
        Optional<String> base = info.backingFilename().map(backing -> images.shaOf(Path.of(backing))
                .orElse("(not a cached image: " + backing + ")"));
        Optional<String> asked = switch (command.origin()) {
            case VolumeOrigin.Blank ignored -> Optional.empty();
            case VolumeOrigin.FromImage image -> Optional.of(image.sha256());
        };
        if (!base.equals(asked)) {
            throw new VolumeFailure(VolumeFailure.VOLUME_CONFLICT, "a volume file over "
                    + base.map(sha -> "image " + sha).orElse("no image") + " already exists at "
                    + file.getFileName() + "; asked for " + asked.map(sha -> "image " + sha).orElse("a blank one"));
        }
        log.info("volume {}: {} already exists as asked; nothing to do", command.volumeId(), file);
        return new Sizes(info.virtualSizeBytes(), info.allocatedBytes());
    }

    private void overlay(Path partial, VolumeLocation location, VolumeOrigin.FromImage image, long sizeBytes) {
        if (location.format() != DiskFormat.QCOW2) {
            throw new VolumeFailure(VolumeFailure.UNSUPPORTED_FORMAT, "a volume from an image is a qcow2 overlay;"
                    + " format " + location.format() + " is not supported");
        }
        // leased: another volume's download must not evict this base before the overlay names it
        try (ImageCache.Lease base = images.lease(image.sha256())) {
            String baseFormat = extension(image.imageFormat());
            DiskInfo info = tool.info(base.path(), baseFormat);
            if (info.backingFilename().isPresent()) {
                // image-service refuses these; a base that points at another file could read host files
                throw new VolumeFailure(VolumeFailure.IMAGE_REFUSED, "image " + image.imageId()
                        + " has a backing file of its own");
            }
            if (sizeBytes < info.virtualSizeBytes()) {
                throw new VolumeFailure(VolumeFailure.SIZE_BELOW_IMAGE, "volume size " + sizeBytes
                        + " bytes is below the image's virtual size of " + info.virtualSizeBytes() + " bytes");
            }
            tool.createOverlay(partial, base.path(), baseFormat, sizeBytes);
        }
    }

    /**
     * Grows the volume, online through the VM that runs it when {@code attachedVmId} does, else with
     * {@code qemu-img}. A size the file already has, or has passed, is reached: nothing changes and the event
     * carries the measured size (a re-sent command, or one storage-service gave up on that ran after all).
     * Volumes never shrink.
     */
    public Sizes resize(ResizeVolume command, HostedVms vms) {
        Path file = file(command.location());
        String format = extension(command.location().format());
        if (!Files.isRegularFile(file)) {
            throw new VolumeFailure(VolumeFailure.VOLUME_NOT_FOUND, "volume " + command.volumeId()
                    + " has no file in pool '" + command.location().poolPath() + "'");
        }
        DiskInfo before = tool.info(file, format);
        if (command.newSizeBytes() <= before.virtualSizeBytes()) {
            log.info("volume {}: already {} bytes, asked for {}; nothing to do", command.volumeId(),
                    before.virtualSizeBytes(), command.newSizeBytes());
            return new Sizes(before.virtualSizeBytes(), before.allocatedBytes());
        }
        boolean online = command.attachedVmId() != null
                && vms.resizeOnline(command.attachedVmId(), file, command.newSizeBytes());
        if (!online) {
            tool.resize(file, format, command.newSizeBytes());
        }
        log.info("volume {}: grown to {} bytes {}", command.volumeId(), command.newSizeBytes(),
                online ? "online (VM " + command.attachedVmId() + ")" : "offline");
        return sizes(file, format);
    }

    public void delete(DeleteVolume command, HostedVms vms) {
        List<UUID> users = vms.runningVmsUsing(command.volumeId());
        if (!users.isEmpty()) {
            throw new VolumeFailure(VolumeFailure.VOLUME_IN_USE, "volume " + command.volumeId()
                    + " is in use by running VM(s) " + users);
        }
        Path file = file(command.location());
        try {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".partial"));
            if (Files.deleteIfExists(file)) {
                log.info("volume {}: deleted {}", command.volumeId(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * The image hashes that volume files of this node use as backing file: those bases must stay cached.
     * Reads each qcow2 volume's header with {@code qemu-img info}, so it is asked only when evicting.
     */
    public Set<String> basesInUse() {
        Set<String> bases = new HashSet<>();
        Path root = pools.poolsRoot();
        if (!Files.isDirectory(root)) {
            return bases;
        }
        try (Stream<Path> files = Files.walk(root)) {
            // partial files count: an overlay being renamed into place already depends on its base
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".qcow2")
                            || path.getFileName().toString().endsWith(".qcow2.partial"))
                    .filter(Files::isRegularFile).toList()) {
                try {
                    tool.info(file, "qcow2").backingFilename()
                            .flatMap(backing -> images.shaOf(Path.of(backing)))
                            .ifPresent(bases::add);
                } catch (VolumeFailure e) {
                    log.warn("cannot read {} to see its backing file: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
        return bases;
    }

    private Sizes sizes(Path file, String format) {
        DiskInfo info = tool.info(file, format);
        return new Sizes(info.virtualSizeBytes(), info.allocatedBytes());
    }

    static String extension(DiskFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
