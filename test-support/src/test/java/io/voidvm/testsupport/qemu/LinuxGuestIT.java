package io.voidvm.testsupport.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voidvm.testsupport.process.ManagedProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optional: boots a real Linux kernel with the busybox initramfs. Skipped where no kernel is configured. */
@RequiresQemu
class LinuxGuestIT {

    @TempDir
    Path dir;

    @Test
    void busyboxInitPrintsItsMarkerAndPowersOff(QemuBinary qemu) throws IOException {
        assumeTrue(LinuxGuest.kernel().isPresent(), "no kernel: set -D" + LinuxGuest.KERNEL_PROPERTY + "=<bzImage>");
        assumeTrue(LinuxGuest.busybox().isPresent(), "no static busybox: apt-get install busybox-static");
        Path initramfs = LinuxGuest.initramfs(dir, "linux-1");
        Path serial = dir.resolve("serial.log");

        ManagedProcess guest = ManagedProcess.start("qemu-linux",
                LinuxGuest.bootCommand(qemu, LinuxGuest.kernel().orElseThrow(), initramfs, serial),
                dir, Map.of(), dir.resolve("qemu.log"));
        try {
            await("marker from /init").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> read(serial).contains(LinuxGuest.readyLine("linux-1")));
            await("QEMU exits after poweroff").atMost(Duration.ofSeconds(30)).until(() -> !guest.isAlive());
            assertThat(read(serial)).doesNotContain("Kernel panic");
        } finally {
            guest.kill();
        }
    }

    private static String read(Path serial) throws IOException {
        return Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
    }
}
