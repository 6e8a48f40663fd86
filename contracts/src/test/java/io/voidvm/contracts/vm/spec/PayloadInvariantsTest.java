package io.voidvm.contracts.vm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.vm.command.CreateSnapshot;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records refuse states a consumer could not act on, so neither producers nor decoders can create them. */
class PayloadInvariantsTest {

    private final VmSpec valid = SampleMessages.spec();

    @Test
    void specListsAreImmutableCopies() {
        List<DiskSpec> disks = new ArrayList<>(valid.disks());
        VmSpec spec = new VmSpec("vm", 1, 64, disks, List.of(), OsType.LINUX, RestartPolicy.NEVER);
        disks.clear();

        assertThat(spec.disks()).hasSize(3);
        assertThatThrownBy(() -> spec.disks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void specRejectsBadNamesSizesAndDuplicates() {
        assertThatThrownBy(() -> withName("Web_1")).hasMessageContaining("VM name");
        assertThatThrownBy(() -> new VmSpec("vm", 0, 64, List.of(), List.of(), OsType.LINUX, RestartPolicy.NEVER))
                .hasMessageContaining("cpuCores");
        assertThatThrownBy(() -> new VmSpec("vm", 1, 0, List.of(), List.of(), OsType.LINUX, RestartPolicy.NEVER))
                .hasMessageContaining("memoryMb");
        DiskSpec root = valid.disks().getFirst();
        assertThatThrownBy(() -> new VmSpec("vm", 1, 64, List.of(root, root), List.of(), OsType.LINUX,
                RestartPolicy.NEVER)).hasMessageContaining("duplicate disk id root");
        DiskSpec otherBootDisk = new DiskSpec("other", root.source(), DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false);
        assertThatThrownBy(() -> new VmSpec("vm", 1, 64, List.of(root, otherBootDisk), List.of(), OsType.LINUX,
                RestartPolicy.NEVER)).hasMessageContaining("duplicate disk bootOrder 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/shadow", "../x.img", "a/../../x.img", "a//b", "", "./x.img", "a/"})
    void testDiskPathsCannotEscapeTheTestDiskDirectory(String path) {
        assertThatThrownBy(() -> new DiskSource.TestDisk(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imageSourcesNeedAContentAddressAndNicsAUnicastMac() {
        assertThatThrownBy(() -> new DiskSource.Image(UUID.randomUUID(), "ABC"))
                .hasMessageContaining("sha256");
        assertThatThrownBy(() -> new NicSpec("eth0", UUID.randomUUID(), "01:00:5e:00:00:01", NicModel.VIRTIO))
                .hasMessageContaining("unicast");
        assertThatThrownBy(() -> new NicSpec("eth0", UUID.randomUUID(), "52-54-00-12-34-56", NicModel.VIRTIO))
                .hasMessageContaining("macAddress");
    }

    @Test
    void commandAndEventInvariants() {
        assertThatThrownBy(() -> new StopVm(false, Duration.ofSeconds(-1), 1)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new CreateSnapshot("../etc", false)).hasMessageContaining("snapshot name");
        assertThatThrownBy(() -> new CommandResult(UUID.randomUUID(), CommandOutcome.FAILED, null, "boom"))
                .hasMessageContaining("errorCode");
        assertThatThrownBy(() -> new CommandResult(UUID.randomUUID(), CommandOutcome.SUCCEEDED, "X", null))
                .hasMessageContaining("errorCode");
    }

    private VmSpec withName(String name) {
        return new VmSpec(name, valid.cpuCores(), valid.memoryMb(), valid.disks(), valid.nics(), valid.osType(),
                valid.restartPolicy());
    }
}
