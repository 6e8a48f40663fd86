package io.voidvm.testsupport.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerBootSectorTest {

    @Test
    void sectorIs512BytesAndEndsWithTheBootSignature() {
        byte[] sector = MarkerBootSector.assemble("unit");

        assertThat(sector).hasSize(512);
        assertThat(sector[510]).isEqualTo((byte) 0x55);
        assertThat(sector[511]).isEqualTo((byte) 0xAA);
    }

    @Test
    void messageFollowsTheCodeNulTerminatedAndSiPointsAtIt() {
        byte[] code = MarkerBootSector.code();
        byte[] sector = MarkerBootSector.assemble("m-1");
        byte[] expected = "VOIDVM-GUEST-READY m-1\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(Arrays.copyOfRange(sector, 0, code.length)).isNotEqualTo(code); // the SI immediate was patched
        assertThat(Arrays.copyOfRange(sector, code.length, code.length + expected.length)).isEqualTo(expected);
        assertThat(sector[code.length + expected.length]).isZero();
        int si = (sector[0x2F] & 0xFF) | (sector[0x30] & 0xFF) << 8;
        assertThat(si).isEqualTo(0x7C00 + code.length);
        assertThat(sector[0x2E] & 0xFF).as("mov si, imm16 opcode").isEqualTo(0xBE);
    }

    @Test
    void codeEndsInAHaltLoop() {
        byte[] code = MarkerBootSector.code();
        // cli; hlt; jmp -4 (back to cli)
        assertThat(Arrays.copyOfRange(code, code.length - 4, code.length))
                .containsExactly(0xFA, 0xF4, 0xEB, 0xFC);
    }

    @Test
    void rejectsMarkersThatDoNotFitOrAreNotPrintable() {
        assertThatThrownBy(() -> MarkerBootSector.assemble("x".repeat(MarkerBootSector.maxMarkerLength() + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarkerBootSector.assemble("bad\nline")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MarkerBootSector.assemble("x".repeat(MarkerBootSector.maxMarkerLength()))).hasSize(512);
    }

    @Test
    void markerDiskIsOneMebibyteStartingWithTheSector(@TempDir Path dir) throws Exception {
        Path disk = TestGuests.markerDisk(dir, "disk-test");

        assertThat(Files.size(disk)).isEqualTo(1024 * 1024);
        byte[] head = Arrays.copyOf(Files.readAllBytes(disk), 512);
        assertThat(head).isEqualTo(MarkerBootSector.assemble("disk-test"));
    }

    @Test
    void commasInDiskPathsAreDoubledForQemu() {
        assertThat(TestGuests.escapeOptionValue("/tmp/a,b/disk.raw")).isEqualTo("/tmp/a,,b/disk.raw");
    }
}
