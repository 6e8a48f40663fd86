package io.voidvm.nodeagent.volume.domain;

import java.util.Optional;

/**
 * What {@code qemu-img info} says of an image file.
 *
 * @param format          the format driver ({@code qcow2}, {@code raw})
 * @param backingFilename the backing file as written in the image header, if it has one
 */
public record DiskInfo(long virtualSizeBytes, long allocatedBytes, String format, Optional<String> backingFilename) {
}
