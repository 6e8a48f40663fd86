package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.voidvm.nodeagent.reconcile.domain.DesiredState;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** vm-service's answer as the agent reads it: records, settled or not, and what makes a whole answer unusable. */
class HttpDesiredStateSourceTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");
    private final UUID old = UUID.randomUUID();
    private final UUID fresh = UUID.randomUUID();

    @Test
    void readsEveryVmAndCallsOnesChangedWithinTheGraceBeforeTheAnswerUnsettled() {
        DesiredState state = read("node-1", """
                {"nodeName": "node-1", "asOf": "2026-01-01T00:01:00Z", "unknownField": 1, "vms": [
                  %s, %s]}""".formatted(vm(old, "RUNNING", 3, "2026-01-01T00:00:55Z"),
                vm(fresh, "DELETED", 7, "2026-01-01T00:00:55.001Z")));

        assertThat(state.vms()).extracting(VmRecord::vmId, VmRecord::desired, VmRecord::generation)
                .containsExactly(tuple(old, DesiredPower.RUNNING, 3L),
                        tuple(fresh, DesiredPower.DELETED, 7L));
        assertThat(state.settled(old)).isTrue();
        assertThat(state.settled(fresh)).isFalse();
        assertThat(state.fetchedAt()).isEqualTo(FETCHED);
    }

    @Test
    void anAnswerWithoutTimesHasEveryVmSettled() {
        DesiredState state = read("node-1", """
                {"nodeName": "node-1", "vms": [%s]}""".formatted(vm(old, "STOPPED", 2, null)));

        assertThat(state.settled(old)).isTrue();
    }

    @Test
    void anAnswerForAnotherNodeOrWithAnUnknownPowerStateIsUnusableAsAWhole() {
        assertThatThrownBy(() -> read("node-1", """
                {"nodeName": "node-2", "vms": []}"""))
                .isInstanceOf(DesiredStateUnavailableException.class).hasMessageContaining("node-1");
        assertThatThrownBy(() -> read("node-1", """
                {"nodeName": "node-1", "vms": [%s, %s]}""".formatted(vm(old, "RUNNING", 2, null),
                vm(fresh, "HIBERNATING", 2, null))))
                .isInstanceOf(DesiredStateUnavailableException.class).hasMessageContaining("HIBERNATING");
        assertThatThrownBy(() -> read("node-1", "<html>"))
                .isInstanceOf(DesiredStateUnavailableException.class);
    }

    private static DesiredState read(String node, String json) {
        return HttpDesiredStateSource.desiredState(node, json.getBytes(StandardCharsets.UTF_8), GRACE, FETCHED);
    }

    private static String vm(UUID id, String power, long generation, String changedAt) {
        return """
                {"vmId": "%s", "tenantId": "acme", "desiredPower": "%s", "generation": %d, %s
                 "spec": {"name": "vm-1", "cpuCores": 1, "memoryMb": 64, "osType": "LINUX", "restartPolicy": "NEVER",
                          "nics": [], "disks": [{"id": "root", "source": {"kind": "TEST_DISK", "path": "boot.raw"},
                                                 "format": "RAW", "bus": "VIRTIO", "bootOrder": 1, "readOnly": false}]}}
                """.formatted(id, power, generation, changedAt == null ? "" : "\"changedAt\": \"" + changedAt + "\",");
    }
}
