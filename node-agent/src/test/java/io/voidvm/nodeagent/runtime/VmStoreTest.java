package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmStoreTest {

    @TempDir
    Path dir;

    @Test
    void aRecordRoundTripsThroughSpecJson() {
        VmStore store = new VmStore(dir);
        VmRecord record = new VmRecord(UUID.randomUUID(), "tenant-1", RuntimeHarness.spec(RestartPolicy.ON_FAILURE),
                DesiredPower.PAUSED, 7, true);

        store.save(record);

        assertThat(store.load(record.vmId())).contains(record);
        assertThat(store.vmIds()).containsExactly(record.vmId());
        assertThat(store.paths(record.vmId()).vmDir()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void strayDirectoriesAreNotVms() throws Exception {
        VmStore store = new VmStore(dir);
        Files.createDirectories(dir.resolve("vms/not-a-uuid"));
        Files.createDirectories(dir.resolve("vms").resolve(UUID.randomUUID().toString()));
        assertThat(store.vmIds()).isEmpty();
    }

    @Test
    void aNewerFileFormatIsRefused() throws Exception {
        VmStore store = new VmStore(dir);
        UUID vm = UUID.randomUUID();
        store.save(new VmRecord(vm, null, RuntimeHarness.spec(RestartPolicy.NEVER), DesiredPower.STOPPED, 1, false));
        Path file = store.paths(vm).specFile();
        Files.writeString(file, Files.readString(file).replace("\"format\" : 1", "\"format\" : 2"));

        assertThatThrownBy(() -> store.load(vm)).hasMessageContaining("format 2");
    }

    @Test
    void deleteRemovesTheWholeDirectory() throws Exception {
        VmStore store = new VmStore(dir);
        UUID vm = UUID.randomUUID();
        store.save(new VmRecord(vm, null, RuntimeHarness.spec(RestartPolicy.NEVER), DesiredPower.STOPPED, 1, false));
        Files.createDirectories(store.paths(vm).disksDir());
        Files.write(store.paths(vm).disk("root.raw"), new byte[16]);

        store.delete(vm);

        assertThat(store.paths(vm).vmDir()).doesNotExist();
    }
}
