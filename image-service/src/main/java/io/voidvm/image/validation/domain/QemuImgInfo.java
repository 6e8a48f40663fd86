package io.voidvm.image.validation.domain;

/**
 * The parts of {@code qemu-img info --output=json} validation looks at.
 *
 * @param format             {@code format}, e.g. qcow2, raw, vmdk
 * @param virtualSize        {@code virtual-size} in bytes
 * @param backingFilename    {@code backing-filename} or {@code full-backing-filename}, null when none
 * @param dataFile           {@code format-specific.data.data-file} of a qcow2, null when none
 * @param corrupt            {@code format-specific.data.corrupt} of a qcow2
 */
public record QemuImgInfo(String format, long virtualSize, String backingFilename, String dataFile,
                          boolean corrupt) {
}
