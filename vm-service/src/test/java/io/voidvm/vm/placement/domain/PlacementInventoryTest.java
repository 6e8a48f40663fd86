package io.voidvm.vm.placement.domain;

import static io.voidvm.vm.placement.domain.Heartbeats.T0;
import static io.voidvm.vm.placement.domain.Heartbeats.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.testsupport.time.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** NodeInventory: the latest heartbeat per node, and which of them are fresh. */
class PlacementInventoryTest {

    private final MutableClock clock = new MutableClock(T0);
    private final NodeInventory inventory = new NodeInventory(clock, Duration.ofSeconds(30));

    @Test
    void keepsTheNewestHeartbeatPerNodeAndIgnoresAReplayedOlderOne() {
        NodeHeartbeat newer = node("a", 8, 8192).sentAt(T0.plusSeconds(10)).build();
        NodeHeartbeat older = node("a", 2, 1024).sentAt(T0).build();

        assertThat(inventory.record(newer)).isTrue();
        assertThat(inventory.record(older)).isFalse();

        assertThat(inventory.all()).containsExactly(newer);
    }

    @Test
    void listsNodesByName() {
        inventory.record(node("c", 1, 64).build());
        inventory.record(node("a", 1, 64).build());
        inventory.record(node("b", 1, 64).build());

        assertThat(inventory.all()).extracting(NodeHeartbeat::nodeName).containsExactly("a", "b", "c");
    }

    @Test
    void aHeartbeatIsFreshUpToExactlyTheTtl() {
        inventory.record(node("a", 1, 64).build());

        clock.advance(Duration.ofSeconds(30));
        assertThat(inventory.fresh()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(inventory.fresh()).isEmpty();
        assertThat(inventory.all()).hasSize(1);
    }

    @Test
    void aForgottenNodeIsGone() {
        inventory.record(node("a", 1, 64).build());

        assertThat(inventory.forget("a")).isTrue();
        assertThat(inventory.forget("a")).isFalse();
        assertThat(inventory.all()).isEmpty();
    }

    @Test
    void theMemoryLimitForOneVmComesFromNodesThatCanTakeVms() {
        inventory.record(node("small", 4, 4096).build());
        inventory.record(node("huge-but-cordoned", 64, 262144).cordon().build());
        inventory.record(node("huge-without-qemu", 64, 131072).withoutQemu().build());
        inventory.record(node("big", 8, 16384).build());

        assertThat(inventory.largestAllocatableMemoryMb()).hasValue(16384);
        clock.advance(Duration.ofMinutes(1));
        assertThat(inventory.largestAllocatableMemoryMb()).isEmpty();
    }

    @Test
    void theTtlMustBePositive() {
        assertThatThrownBy(() -> new NodeInventory(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
