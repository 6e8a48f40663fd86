package io.voidvm.nodeagent.qemu.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmPathsTest {

    static final Path STATE = Path.of("/var/lib/voidvm");
    static final UUID VM_ID = UUID.fromString("0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07");
    static final Path VM_DIR = Path.of("/var/lib/voidvm/vms/0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07");

    final VmPaths paths = new VmPaths(STATE, VM_ID);

    @Test
    void layoutFollowsTheDesign() {
        assertThat(paths.vmDir()).isEqualTo(VM_DIR);
        assertThat(paths.specFile()).isEqualTo(VM_DIR.resolve("spec.json"));
        assertThat(paths.qmpSocket()).isEqualTo(VM_DIR.resolve("qmp.sock"));
        assertThat(paths.vncSocket()).isEqualTo(VM_DIR.resolve("vnc.sock"));
        assertThat(paths.serialLog()).isEqualTo(VM_DIR.resolve("serial.log"));
        assertThat(paths.pidFile()).isEqualTo(VM_DIR.resolve("qemu.pid"));
        assertThat(paths.disk("root.qcow2")).isEqualTo(VM_DIR.resolve("disks/root.qcow2"));
    }

    @Test
    void theStateDirIsNormalised() {
        VmPaths messy = new VmPaths(Path.of("/var/lib/./other/../voidvm/"), VM_ID);

        assertThat(messy.vmDir()).isEqualTo(VM_DIR);
        assertThat(messy).isEqualTo(paths);
    }

    @Test
    void aRelativeStateDirIsRefused() {
        assertThatThrownBy(() -> new VmPaths(Path.of("state"), VM_ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directoryNamesMustBeCanonicalUuids() {
        assertThat(VmPaths.of(STATE, VM_ID.toString())).isEqualTo(paths);
        assertThat(VmPaths.isVmDirName("0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../etc", "1-1-1-1-1", "0B9D1C4E-7F3A-4C2E-9A51-3D6F8E2B1A07",
            "0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07/..", "0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a07 ", "", "/etc/passwd",
            "0b9d1c4e-7f3a-4c2e-9a51-3d6f8e2b1a0/"})
    void hostileDirectoryNamesAreRefused(String name) {
        assertThat(VmPaths.isVmDirName(name)).isFalse();
        assertThatThrownBy(() -> VmPaths.of(STATE, name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../spec.json", "../../../../etc/shadow", "/etc/shadow", "a/b",
            "root..qcow2", ".hidden", "", "disk with space", "x\u0000y"})
    void diskNamesCannotEscapeTheDisksDirectory(String name) {
        assertThatThrownBy(() -> paths.disk(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../other-vm/qmp.sock", "disks/../../..", "/etc/passwd", "", "."})
    void relativePathsCannotLeaveTheVmDirectory(String relative) {
        assertThatThrownBy(() -> paths.resolve(relative)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relativePathsInsideAreNormalised() {
        assertThat(paths.resolve("disks/./root.qcow2")).isEqualTo(VM_DIR.resolve("disks/root.qcow2"));
        assertThat(paths.resolve("disks/../serial.log")).isEqualTo(paths.serialLog());
    }

    @Test
    void socketPathLengthIsMeasuredForTheLongestSocket() {
        assertThat(VmPaths.longestSocketPathBytes(STATE)).isEqualTo(VM_DIR.resolve("vnc.sock").toString().length());
    }
}
