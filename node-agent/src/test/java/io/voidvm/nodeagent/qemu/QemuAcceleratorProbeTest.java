package io.voidvm.nodeagent.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;

/** The probe against stand-ins for /dev/kvm: an openable file, a missing one, one that cannot be opened. */
class QemuAcceleratorProbeTest {

    @TempDir
    Path dir;

    @Test
    void autoPicksKvmWhenTheDeviceOpensForReadAndWrite() throws IOException {
        AcceleratorProbe probe = new AcceleratorProbe(Files.createFile(dir.resolve("kvm")));

        assertThat(probe.kvmUsable()).isTrue();
        assertThat(probe.resolve(AcceleratorMode.AUTO)).isEqualTo(Accelerator.KVM);
        assertThat(probe.resolve(AcceleratorMode.TCG)).isEqualTo(Accelerator.TCG);
    }

    @Test
    void autoFallsBackToTcgWithoutKvm() {
        AcceleratorProbe probe = new AcceleratorProbe(dir.resolve("absent"));

        assertThat(probe.kvmUsable()).isFalse();
        assertThat(probe.resolve(AcceleratorMode.AUTO)).isEqualTo(Accelerator.TCG);
    }

    @Test
    void somethingThatCannotBeOpenedAsADeviceIsNotKvm() throws IOException {
        // root passes access() checks, so the probe must really open the path; a directory cannot be
        AcceleratorProbe probe = new AcceleratorProbe(Files.createDirectory(dir.resolve("kvm-dir")));

        assertThat(probe.kvmUsable()).isFalse();
    }

    @Test
    void explicitKvmWithoutKvmFailsAtStartUpNamingTheDevice() {
        Path absent = dir.resolve("absent");

        assertThatThrownBy(() -> new AcceleratorProbe(absent).resolve(AcceleratorMode.KVM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accelerator=KVM")
                .hasMessageContaining(absent.toString());
    }
}
