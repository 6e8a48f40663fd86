package io.voidvm.image.validation.domain;

import java.nio.file.Path;

/** The two questions image validation asks {@code qemu-img}. Implementations run it with time and memory limits. */
public interface QemuImg {

    /**
     * {@code qemu-img info --output=json}.
     *
     * @param format the format to open the file as, or null to let qemu-img probe it
     * @throws QemuImgFailure when qemu-img cannot read the file, runs too long or fails otherwise
     */
    QemuImgInfo info(Path file, String format);

    /**
     * {@code qemu-img check --output=json} of a qcow2: walks every table, so a truncated or damaged file shows.
     *
     * @throws QemuImgFailure when the check itself cannot run
     */
    QemuImgCheck check(Path file, String format);
}
