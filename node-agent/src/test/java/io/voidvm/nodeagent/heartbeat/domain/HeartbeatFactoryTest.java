package io.voidvm.nodeagent.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.nodeagent.host.domain.Accelerator;
import io.voidvm.nodeagent.host.domain.HostFacts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeartbeatFactoryTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final HostFacts HOST = new HostFacts(8, 16_384, 500, true, Optional.of("7.2.22"));

    @Test
    void allocatableIsCapacityMinusReservations() {
        NodeHeartbeat heartbeat = factory(Accelerator.AUTO, 2, 1024).heartbeat(HOST, List.of());

        assertThat(heartbeat.nodeName()).isEqualTo("node-a");
        assertThat(heartbeat.capacity()).isEqualTo(new NodeResources(8, 16_384, 500));
        assertThat(heartbeat.allocatable()).isEqualTo(new NodeResources(6, 15_360, 500));
        assertThat(heartbeat.qemuVersion()).isEqualTo("7.2.22");
        assertThat(heartbeat.agentVersion()).isEqualTo("1.2.3");
        assertThat(heartbeat.labels()).containsEntry("zone", "lab");
        assertThat(heartbeat.sentAt()).isEqualTo(NOW);
        assertThat(heartbeat.cordoned()).isFalse();
    }

    @Test
    void reservationsLargerThanTheHostLeaveNothingRatherThanNegative() {
        NodeHeartbeat heartbeat = factory(Accelerator.AUTO, 64, 1_000_000).heartbeat(HOST, List.of());

        assertThat(heartbeat.allocatable()).isEqualTo(new NodeResources(0, 0, 500));
    }

    @Test
    void kvmAvailableMeansVmsWillGetKvm() {
        assertThat(factory(Accelerator.AUTO, 0, 0).heartbeat(HOST, List.of()).kvmAvailable()).isTrue();
        assertThat(factory(Accelerator.TCG, 0, 0).heartbeat(HOST, List.of()).kvmAvailable()).isFalse();
        HostFacts noKvm = new HostFacts(8, 16_384, 500, false, Optional.empty());
        NodeHeartbeat heartbeat = factory(Accelerator.AUTO, 0, 0).heartbeat(noKvm, List.of());
        assertThat(heartbeat.kvmAvailable()).isFalse();
        assertThat(heartbeat.qemuVersion()).isNull();
    }

    @Test
    void reportsRunningVms() {
        UUID vm = UUID.fromString("0190d7a8-0000-7000-8000-000000000001");
        assertThat(factory(Accelerator.AUTO, 0, 0).heartbeat(HOST, List.of(vm)).runningVmIds()).containsExactly(vm);
    }

    private static HeartbeatFactory factory(Accelerator accelerator, int reservedCpus, long reservedMemoryMb) {
        return new HeartbeatFactory("node-a", "1.2.3", accelerator, reservedCpus, reservedMemoryMb,
                Map.of("zone", "lab"), CLOCK);
    }
}
