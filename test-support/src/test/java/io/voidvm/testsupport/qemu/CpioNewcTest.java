package io.voidvm.testsupport.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CpioNewcTest {

    @Test
    void entriesAreNewcHeadersAlignedToFourBytesAndEndWithTheTrailer() {
        byte[] archive = new CpioNewc().file("init", 0755, "#!x\n".getBytes(StandardCharsets.US_ASCII)).finish();
        String text = new String(archive, StandardCharsets.US_ASCII);

        assertThat(archive.length % 4).isZero();
        assertThat(text).startsWith("070701");
        // mode field (2nd) = regular file 0100755; filesize (7th) = 4; namesize (12th) = "init\0"
        assertThat(field(text, 1)).isEqualTo(Integer.toHexString(0100755));
        assertThat(Integer.parseInt(field(text, 6), 16)).isEqualTo(4);
        assertThat(Integer.parseInt(field(text, 11), 16)).isEqualTo(5);
        assertThat(text.substring(110, 114)).isEqualTo("init");
        // 110 + 5 = 115 -> padded to 116, data 4 bytes -> next header at 120
        assertThat(text.substring(116, 120)).isEqualTo("#!x\n");
        assertThat(text.substring(120, 126)).isEqualTo("070701");
        assertThat(text).contains("TRAILER!!!\0");
    }

    @Test
    void characterDevicesCarryTheirMajorAndMinor() {
        String text = new String(new CpioNewc().characterDevice("dev/console", 5, 1).finish(), StandardCharsets.US_ASCII);

        assertThat(field(text, 1)).isEqualTo(Integer.toHexString(0020600));
        assertThat(Integer.parseInt(field(text, 9), 16)).isEqualTo(5);
        assertThat(Integer.parseInt(field(text, 10), 16)).isEqualTo(1);
    }

    /** The n-th 8-hex-digit header field of the first entry, without leading zeros. */
    private static String field(String archive, int index) {
        int start = 6 + 8 * index;
        return Integer.toHexString(Integer.parseInt(archive.substring(start, start + 8), 16));
    }
}
