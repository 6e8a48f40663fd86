package io.voidvm.image.validation.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The two qcow2 header fields that make an image reach outside itself, read before qemu-img ever runs:
 * {@code qemu-img info} opens an external data file to describe the image, and a hostile one names a host file.
 * Layout (big-endian): magic {@code QFI\xfb} at 0, version at 4, backing file offset (u64) at 8 and its length
 * (u32) at 16; from version 3, incompatible feature bits (u64) at 72, bit 2 = external data file.
 */
public record Qcow2Header(Optional<String> backingFile, boolean externalDataFile) {

    private static final int MAGIC = 0x514649fb;
    private static final long DATA_FILE_BIT = 1L << 2;
    private static final int MAX_BACKING_NAME = 1023;

    /** The header of a file that starts like a qcow2, or empty for any other file. */
    public static Optional<Qcow2Header> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(80);
            while (header.hasRemaining() && channel.read(header) > 0) {
                // fill what the file has
            }
            header.flip();
            if (header.remaining() < 20 || header.getInt(0) != MAGIC) {
                return Optional.empty();
            }
            int version = header.getInt(4);
            long backingOffset = header.getLong(8);
            int backingLength = header.getInt(16);
            boolean dataFile = version >= 3 && header.remaining() >= 80 && (header.getLong(72) & DATA_FILE_BIT) != 0;
            Optional<String> backing = Optional.empty();
            if (backingOffset != 0) {
                backing = Optional.of(backingName(channel, backingOffset, backingLength));
            }
            return Optional.of(new Qcow2Header(backing, dataFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String backingName(FileChannel channel, long offset, int length) throws IOException {
        if (length <= 0 || length > MAX_BACKING_NAME || offset < 0) {
            return "unreadable name";
        }
        ByteBuffer name = ByteBuffer.allocate(length);
        while (name.hasRemaining() && channel.read(name, offset + name.position()) > 0) {
            // read the whole name or what the file has
        }
        return new String(name.array(), 0, name.position(), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }
}
