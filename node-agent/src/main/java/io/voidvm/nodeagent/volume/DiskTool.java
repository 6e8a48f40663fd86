package io.voidvm.nodeagent.volume;

import io.voidvm.nodeagent.volume.domain.DiskInfo;
import java.nio.file.Path;

/**
 * The disk work volumes need, owned by the agent; {@link QemuImgDiskTool} does it with {@code qemu-img}.
 * Every method fails with a {@link io.voidvm.nodeagent.volume.domain.VolumeFailure} of code
 * {@code DISK_TOOL_FAILED} naming the tool's complaint.
 */
public interface DiskTool {

    /** A new blank image of {@code format} ({@code qcow2}, {@code raw}) and {@code sizeBytes} at {@code file}. */
    void create(Path file, String format, long sizeBytes);

    /** A new qcow2 at {@code file} over the read-only {@code backing} file of {@code backingFormat}. */
    void createOverlay(Path file, Path backing, String backingFormat, long sizeBytes);

    /** Grows an image that no QEMU has open. */
    void resize(Path file, String format, long sizeBytes);

    /**
     * What the image is, read as {@code format} (never probed: a raw image that looks like a qcow2 must not be
     * read as one); works on images a running QEMU has open (shared lock).
     */
    DiskInfo info(Path file, String format);
}
