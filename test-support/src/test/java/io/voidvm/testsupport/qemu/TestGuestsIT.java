package io.voidvm.testsupport.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.testsupport.process.ManagedProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots the marker disks in a real QEMU (TCG) and waits for the marker on the serial port. */
@RequiresQemu
class TestGuestsIT {

    @TempDir
    Path dir;

    @Test
    void rawMarkerDiskPrintsItsMarkerOnCom1(QemuBinary qemu) {
        Path disk = TestGuests.markerDisk(dir, "raw-guest");

        assertBootsAndPrints(qemu, disk, "raw", "raw-guest");
    }

    @Test
    void qcow2MarkerDiskPrintsItsMarkerOnCom1(QemuBinary qemu) throws IOException {
        Path disk = TestGuests.markerDiskQcow2(dir, "qcow2-guest");

        byte[] magic = Arrays.copyOf(Files.readAllBytes(disk), 4);
        assertThat(magic).as("qcow2 magic").containsExactly('Q', 'F', 'I', 0xFB);
        assertBootsAndPrints(qemu, disk, "qcow2", "qcow2-guest");
    }

    private void assertBootsAndPrints(QemuBinary qemu, Path disk, String format, String marker) {
        Path serial = dir.resolve(marker + "-serial.log");
        ManagedProcess guest = ManagedProcess.start("qemu-" + marker,
                TestGuests.bootCommand(qemu, disk, format, serial), dir, Map.of(), dir.resolve(marker + "-qemu.log"));
        try {
            await("marker line on the serial port").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> serialLog(serial).contains(TestGuests.readyLine(marker) + "\r\n"));
            assertThat(guest.isAlive()).as("guest halts, QEMU keeps running").isTrue();
        } finally {
            guest.kill();
        }
    }

    private static String serialLog(Path serial) throws IOException {
        return Files.exists(serial) ? Files.readString(serial, StandardCharsets.US_ASCII) : "";
    }
}
