package io.voidvm.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.catalog.domain.ByteRange;
import io.voidvm.image.catalog.domain.DiskFormat;
import io.voidvm.image.catalog.domain.DownloadName;
import org.junit.jupiter.api.Test;

/** The Range rules of a download and the file name it suggests. */
class ByteRangeTest {

    private static final String TAG = "\"abc\"";

    @Test
    void oneRangeIsServedClampedToTheFile() {
        assertThat(ByteRange.of("bytes=0-99", null, TAG, 1000)).isEqualTo(new ByteRange.Part(0, 99));
        assertThat(ByteRange.of("bytes=900-", null, TAG, 1000)).isEqualTo(new ByteRange.Part(900, 999));
        assertThat(ByteRange.of("bytes=900-5000", TAG, TAG, 1000)).isEqualTo(new ByteRange.Part(900, 999));
        assertThat(ByteRange.of("bytes=-100", null, TAG, 1000)).isEqualTo(new ByteRange.Part(900, 999));
        assertThat(ByteRange.of("bytes=-5000", null, TAG, 1000)).isEqualTo(new ByteRange.Part(0, 999));
        assertThat(ByteRange.of("BYTES = 999-999", null, TAG, 1000)).isEqualTo(new ByteRange.Part(999, 999));
        assertThat(ByteRange.of("bytes=0-" + "9".repeat(40), null, TAG, 1000)).isEqualTo(new ByteRange.Part(0, 999));
    }

    @Test
    void noRangeSeveralRangesAnotherUnitOrAStaleIfRangeGetTheWholeFile() {
        assertThat(ByteRange.of(null, null, TAG, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-1,5-6", null, TAG, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("items=0-1", null, TAG, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-1", "\"other\"", TAG, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void rangesBeyondTheFileOrUnreadableAreUnsatisfiable() {
        for (String range : new String[] {"bytes=1000-", "bytes=" + "9".repeat(30) + "-", "bytes=-0", "bytes=5-4",
                "bytes=-", "bytes=a-b", "bytes=1-2-3"}) {
            assertThat(ByteRange.of(range, null, TAG, 1000)).as(range).isInstanceOf(ByteRange.Unsatisfiable.class);
        }
        assertThat(ByteRange.of("bytes=-1", null, TAG, 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void theDownloadNameIsPlainAsciiWithTheFormatsExtension() {
        assertThat(DownloadName.of("debian-12", DiskFormat.QCOW2)).isEqualTo("debian-12.qcow2");
        assertThat(DownloadName.of("disk.qcow2", DiskFormat.QCOW2)).isEqualTo("disk.qcow2");
        assertThat(DownloadName.of("ubuntu 24.04", DiskFormat.RAW)).isEqualTo("ubuntu_24.04.img");
        assertThat(DownloadName.of("Café/\"x\";\r\n", DiskFormat.ISO)).isEqualTo("Cafe_x.iso");
        assertThat(DownloadName.of("../../etc/passwd", DiskFormat.RAW)).isEqualTo("etc_passwd.img");
        assertThat(DownloadName.of("日本語", DiskFormat.QCOW2)).isEqualTo("image.qcow2");
        assertThat(DownloadName.of("a".repeat(300), DiskFormat.RAW)).hasSize(104);
    }
}
