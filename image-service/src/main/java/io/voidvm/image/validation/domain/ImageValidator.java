package io.voidvm.image.validation.domain;

import io.voidvm.image.catalog.domain.DiskFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a complete file is an acceptable image. A qcow2 header naming a backing file or an external
 * data file is refused before qemu-img runs at all ({@link Qcow2Header}). Then qemu-img probes the format once; the file is then
 * opened again with that format named ({@code -f}), so the second look cannot be steered by probing.
 * <ul>
 *   <li>qcow2: no backing file, no external data file, not marked corrupt, and {@code qemu-img check} finds no
 *       corruption (a truncated qcow2 still answers {@code info}, but not {@code check});</li>
 *   <li>raw with the ISO 9660 signature {@code CD001} at offset 0x8001: an ISO;</li>
 *   <li>other raw: a plausible disk, i.e. a non-empty whole number of 512-byte sectors (qemu-img calls any bytes
 *       raw, so this is what refuses "a file that is not an image");</li>
 *   <li>everything: virtual size at most the configured limit; any other format is refused.</li>
 * </ul>
 * Blocking (runs qemu-img); call it off the event loop.
 */
public final class ImageValidator {

    static final int SECTOR = 512;
    private static final long ISO_SIGNATURE_OFFSET = 0x8001;
    private static final byte[] ISO_SIGNATURE = "CD001".getBytes(StandardCharsets.US_ASCII);

    private final QemuImg qemuImg;
    private final long maxVirtualSizeBytes;

    public ImageValidator(QemuImg qemuImg, long maxVirtualSizeBytes) {
        this.qemuImg = Objects.requireNonNull(qemuImg, "qemuImg");
        this.maxVirtualSizeBytes = maxVirtualSizeBytes;
    }

    public Verdict validate(Path file) {
        // refused before qemu-img opens anything the image names
        Optional<Qcow2Header> header = Qcow2Header.read(file);
        if (header.isPresent() && header.get().backingFile().isPresent()) {
            return backingFile(header.get().backingFile().get());
        }
        if (header.isPresent() && header.get().externalDataFile()) {
            return new Verdict.Refused("the qcow2 has an external data file; images must be self-contained");
        }
        try {
            QemuImgInfo probed = qemuImg.info(file, null);
            return switch (probed.format()) {
                case "qcow2" -> qcow2(file);
                case "raw" -> raw(file);
                default -> new Verdict.Refused("format " + probed.format()
                        + " is not accepted; upload qcow2, raw or iso");
            };
        } catch (QemuImgFailure e) {
            return new Verdict.Refused("qemu-img cannot read the image: " + e.getMessage());
        }
    }

    private Verdict qcow2(Path file) {
        QemuImgInfo info = qemuImg.info(file, "qcow2");
        if (info.backingFilename() != null) {
            return backingFile(info.backingFilename());
        }
        if (info.dataFile() != null) {
            return new Verdict.Refused("the qcow2 has an external data file (" + info.dataFile()
                    + "); images must be self-contained");
        }
        if (info.corrupt()) {
            return new Verdict.Refused("the qcow2 is marked corrupt");
        }
        QemuImgCheck check = qemuImg.check(file, "qcow2");
        if (!check.sound()) {
            return new Verdict.Refused("the qcow2 is truncated or damaged: qemu-img check found "
                    + check.corruptions() + " corruption(s) and " + check.checkErrors() + " error(s)");
        }
        return sized(DiskFormat.QCOW2, info.virtualSize());
    }

    private static Verdict backingFile(String name) {
        return new Verdict.Refused("the qcow2 has a backing file (" + name + "); images must be self-contained");
    }

    private Verdict raw(Path file) {
        QemuImgInfo info = qemuImg.info(file, "raw");
        if (hasIsoSignature(file)) {
            return sized(DiskFormat.ISO, info.virtualSize());
        }
        // qemu-img rounds a raw file's virtual size up to whole sectors, so the file's own length decides
        long size = fileSize(file);
        if (size == 0 || size % SECTOR != 0) {
            return new Verdict.Refused("not a disk image: qemu-img sees only raw bytes, and " + size
                    + " bytes is not a whole number of " + SECTOR + "-byte sectors");
        }
        return sized(DiskFormat.RAW, size);
    }

    private Verdict sized(DiskFormat format, long virtualSize) {
        if (virtualSize > maxVirtualSizeBytes) {
            return new Verdict.Refused("virtual size " + virtualSize + " bytes is above the allowed "
                    + maxVirtualSizeBytes + " bytes");
        }
        return new Verdict.Accepted(format, virtualSize);
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static boolean hasIsoSignature(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (Files.size(file) < ISO_SIGNATURE_OFFSET + ISO_SIGNATURE.length) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate(ISO_SIGNATURE.length);
            while (buffer.hasRemaining() && channel.read(buffer, ISO_SIGNATURE_OFFSET + buffer.position()) > 0) {
                // read until full or end of file
            }
            return !buffer.hasRemaining() && java.util.Arrays.equals(buffer.array(), ISO_SIGNATURE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
