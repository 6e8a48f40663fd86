package io.voidvm.image.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.image.catalog.domain.DiskFormat;
import io.voidvm.image.support.TestImages;
import io.voidvm.image.validation.domain.ImageValidator;
import io.voidvm.image.validation.domain.QemuImgFailure;
import io.voidvm.image.validation.domain.Verdict;
import io.voidvm.image.validation.qemu.QemuImgProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation rules against the real qemu-img, through the real process adapter. */
class ImageValidatorTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    private final QemuImgProcess qemuImg = new QemuImgProcess("qemu-img", Duration.ofSeconds(30), GIB);
    private final ImageValidator validator = new ImageValidator(qemuImg, GIB);

    @Test
    void acceptsTheMarkerDiskAsQcow2WithItsVirtualSize() {
        assertThat(validator.validate(TestImages.markerQcow2(dir, "ok")))
                .isEqualTo(new Verdict.Accepted(DiskFormat.QCOW2, 1024 * 1024));
    }

    @Test
    void acceptsARawDiskOfWholeSectors() {
        Path raw = io.voidvm.testsupport.qemu.TestGuests.markerDisk(dir, "raw");
        assertThat(validator.validate(raw)).isEqualTo(new Verdict.Accepted(DiskFormat.RAW, 1024 * 1024));
    }

    @Test
    void tellsAnIsoByItsSignature() {
        assertThat(validator.validate(TestImages.isoLike(dir))).isEqualTo(new Verdict.Accepted(DiskFormat.ISO,
                1024 * 1024));
    }

    @Test
    void refusesABackingFilePointingAtShadow() {
        assertThat(validator.validate(TestImages.backedByShadow(dir))).isInstanceOfSatisfying(Verdict.Refused.class,
                refused -> assertThat(refused.reason()).contains("backing file").contains("/etc/shadow"));
    }

    @Test
    void readsTheDangerousHeaderFieldsWithoutQemuImg() {
        assertThat(io.voidvm.image.validation.domain.Qcow2Header.read(TestImages.backedByShadow(dir)))
                .hasValueSatisfying(header -> assertThat(header.backingFile()).contains("/etc/shadow"));
        assertThat(io.voidvm.image.validation.domain.Qcow2Header.read(TestImages.externalDataFile(dir)))
                .hasValueSatisfying(header -> assertThat(header.externalDataFile()).isTrue());
        assertThat(io.voidvm.image.validation.domain.Qcow2Header.read(TestImages.markerQcow2(dir, "plain")))
                .hasValueSatisfying(header -> {
                    assertThat(header.backingFile()).isEmpty();
                    assertThat(header.externalDataFile()).isFalse();
                });
        assertThat(io.voidvm.image.validation.domain.Qcow2Header.read(TestImages.randomBytes(dir, 100))).isEmpty();
    }

    @Test
    void theHostileHeaderIsRefusedBeforeQemuImgRuns() {
        ImageValidator noQemuImg = new ImageValidator(new io.voidvm.image.validation.domain.QemuImg() {
            @Override
            public io.voidvm.image.validation.domain.QemuImgInfo info(Path file, String format) {
                throw new AssertionError("qemu-img must not open " + file);
            }

            @Override
            public io.voidvm.image.validation.domain.QemuImgCheck check(Path file, String format) {
                throw new AssertionError("qemu-img must not open " + file);
            }
        }, GIB);
        assertThat(noQemuImg.validate(TestImages.externalDataFile(dir))).isInstanceOf(Verdict.Refused.class);
        assertThat(noQemuImg.validate(TestImages.backedByShadow(dir))).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void refusesAnExternalDataFile() {
        assertThat(validator.validate(TestImages.externalDataFile(dir))).isInstanceOfSatisfying(
                Verdict.Refused.class, refused -> assertThat(refused.reason()).contains("external data file"));
    }

    @Test
    void refusesATruncatedQcow2ThatInfoStillReads() {
        Path truncated = TestImages.truncatedQcow2(dir, 300_000);
        assertThat(qemuImg.info(truncated, "qcow2").format()).as("qemu-img info alone is fooled").isEqualTo("qcow2");
        assertThat(validator.validate(truncated)).isInstanceOfSatisfying(Verdict.Refused.class,
                refused -> assertThat(refused.reason()).contains("truncated or damaged"));
    }

    @Test
    void refusesAQcow2CutInsideItsHeader() {
        assertThat(validator.validate(TestImages.truncatedQcow2(dir, 60))).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void refusesRandomBytesAlthoughQemuImgCallsThemRaw() {
        Path random = TestImages.randomBytes(dir, 1000);
        assertThat(qemuImg.info(random, null).format()).isEqualTo("raw");
        assertThat(validator.validate(random)).isInstanceOfSatisfying(Verdict.Refused.class,
                refused -> assertThat(refused.reason()).contains("not a disk image"));
    }

    @Test
    void refusesAVirtualSizeAboveTheLimit() {
        assertThat(validator.validate(TestImages.qcow2OfVirtualSize(dir, "2G"))).isInstanceOfSatisfying(
                Verdict.Refused.class, refused -> assertThat(refused.reason()).contains("virtual size"));
    }

    @Test
    void refusesOtherFormats() {
        Path vmdk = dir.resolve("disk.vmdk");
        TestImages.qemuImg("create", "-f", "vmdk", vmdk.toString(), "1M");
        assertThat(validator.validate(vmdk)).isInstanceOfSatisfying(Verdict.Refused.class,
                refused -> assertThat(refused.reason()).contains("format vmdk is not accepted"));
    }

    @Test
    void aMissingFileIsAFailureWithoutItsPath() {
        assertThatThrownBy(() -> qemuImg.info(dir.resolve("missing.qcow2"), null))
                .isInstanceOf(QemuImgFailure.class)
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void aQemuImgThatHangsIsKilledAtTheTimeLimit() throws Exception {
        Path script = dir.resolve("hanging-qemu-img");
        java.nio.file.Files.writeString(script, "#!/bin/sh\nexec sleep 30\n");
        script.toFile().setExecutable(true);
        QemuImgProcess hanging = new QemuImgProcess(script.toString(), Duration.ofMillis(300), GIB);
        long start = System.nanoTime();
        assertThatThrownBy(() -> hanging.info(dir.resolve("any.qcow2"), null))
                .isInstanceOf(QemuImgFailure.class).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
