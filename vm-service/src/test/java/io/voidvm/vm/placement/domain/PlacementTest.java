package io.voidvm.vm.placement.domain;

import static io.voidvm.vm.node.domain.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.Overcommit;
import io.voidvm.vm.node.domain.TestNodes;
import io.voidvm.vm.placement.domain.Allocations.Allocation;
import io.voidvm.vm.placement.domain.PlacementDecision.Placed;
import io.voidvm.vm.placement.domain.PlacementDecision.Unplaceable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placement without overcommit (ratios 1.0) unless a test says otherwise; see {@link PlacementOvercommitTest}. */
class PlacementTest {

    private static final VmRequirements SMALL = VmRequirements.of(2, 2048);
    private static final Overcommit NONE = new Overcommit(1.0, 1.0);

    private List<Node> nodes = List.of();

    /** @param known {@link TestNodes} (taken as READY) or {@link Node}s */
    private void nodes(Object... known) {
        nodes = Arrays.stream(known)
                .map(node -> node instanceof TestNodes test ? test.ready() : (Node) node)
                .toList();
    }

    private PlacementDecision choose(VmRequirements vm, Allocations allocations) {
        return Placement.choose(vm, nodes, allocations, NONE);
    }

    @Test
    void aVmGoesToTheNodeItFits() {
        nodes(node("a", 4, 8192));

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("a"));
    }

    @Test
    void aVmWithABootVolumeGoesOnlyToTheVolumesNodeEvenWhenAnotherIsFreer() {
        nodes(node("a", 16, 65536), node("b", 2, 2048));

        assertThat(choose(SMALL.onNode("b"), Allocations.none())).isEqualTo(new Placed("b"));
    }

    @Test
    void aVmWithABootVolumeWaitsWhenItsNodeIsFullOrSilent() {
        nodes(node("a", 16, 65536), node("b", 1, 1024));

        assertThat(choose(SMALL.onNode("b"), Allocations.none()))
                .isEqualTo(new Unplaceable("no node with 2 free vCPUs (largest free: 1)"));
        assertThat(choose(SMALL.onNode("gone"), Allocations.none())).isEqualTo(new Unplaceable(
                "node gone, which holds the VM's boot volume, is not ready (no recent heartbeat)"));
        nodes(node("a", 16, 65536), node("b", 8, 8192).notReady());
        assertThat(choose(SMALL.onNode("b"), Allocations.none())).isEqualTo(new Unplaceable(
                "node b, which holds the VM's boot volume, is not ready (no recent heartbeat)"));
    }

    @Test
    void anExactFitFits() {
        nodes(node("a", 2, 2048));

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("a"));
    }

    @Test
    void equalNodesAreTiedByName() {
        nodes(node("b", 8, 8192), node("a", 8, 8192), node("c", 8, 8192));

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("a"));
    }

    @Test
    void vmsSpreadOverNodesInsteadOfFillingOne() {
        nodes(node("a", 8, 8192), node("b", 8, 8192), node("c", 8, 8192));
        Allocations allocations = Allocations.none();
        List<String> chosen = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            String node = ((Placed) choose(SMALL, allocations)).nodeName();
            chosen.add(node);
            allocations = allocations.plus(node, SMALL);
        }

        assertThat(chosen).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void theNodeLeftLeastLoadedWinsEvenIfItIsNotTheEmptiest() {
        // big has 2 VMs but stays at 25 %; small is empty but would be at 50 %
        nodes(node("big", 16, 32768), node("small", 4, 4096));
        Allocations allocations = Allocations.of(Map.of("big", new Allocation(2, 4096, 2)));

        assertThat(choose(SMALL, allocations)).isEqualTo(new Placed("big"));
    }

    @Test
    void atEqualLoadTheNodeWithFewerVmsWins() {
        nodes(node("a", 8, 8192), node("b", 8, 8192));
        Allocations allocations = Allocations.of(Map.of(
                "a", new Allocation(2, 1024, 2),
                "b", new Allocation(2, 2048, 1)));

        // both end at max(4/8, 4096/8192) = 50 %
        assertThat(choose(SMALL, allocations)).isEqualTo(new Placed("b"));
    }

    @Test
    void cordonedNodesAreSkipped() {
        nodes(node("a", 8, 8192).ready().cordon(), node("b", 2, 2048));

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("b"));
    }

    @Test
    void allCordonedIsSaidSo() {
        nodes(node("a", 8, 8192).ready().cordon(), node("b", 8, 8192).ready().drain());

        assertThat(choose(SMALL, Allocations.none()))
                .isEqualTo(new Unplaceable("no schedulable node: all cordoned"));
    }

    @Test
    void mixedReasonsAreCounted() {
        nodes(node("a", 8, 8192).ready().cordon(), node("b", 8, 8192).withoutQemu(),
                node("c", 8, 8192).withoutKvm());

        assertThat(choose(new VmRequirements(2, 2048, true), Allocations.none()))
                .isEqualTo(new Unplaceable("no schedulable node: 1 cordoned, 1 without QEMU, 1 without KVM"));
    }

    @Test
    void aNodeWithoutKvmTakesVmsUnlessTheVmRequiresKvm() {
        nodes(node("tcg", 8, 8192).withoutKvm());

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("tcg"));
        assertThat(choose(new VmRequirements(2, 2048, true), Allocations.none()))
                .isEqualTo(new Unplaceable("no schedulable node: none has KVM, which this VM requires"));
    }

    @Test
    void aNodeWithoutQemuTakesNoVms() {
        nodes(node("a", 8, 8192).withoutQemu());

        assertThat(choose(SMALL, Allocations.none()))
                .isEqualTo(new Unplaceable("no schedulable node: none has a usable QEMU"));
    }

    @Test
    void nodesThatAreNotReadyAreNotUsed() {
        nodes(node("a", 8, 8192).notReady(), node("b", 8, 8192));

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("b"));
        nodes(node("a", 8, 8192).notReady(), node("b", 8, 8192).notReady());
        assertThat(choose(SMALL, Allocations.none()))
                .isEqualTo(new Unplaceable("no node is ready: 2 known, none sent a recent heartbeat"));
    }

    @Test
    void noHeartbeatAtAllIsSaidSo() {
        assertThat(choose(SMALL, Allocations.none()))
                .isEqualTo(new Unplaceable("no node has reported a heartbeat yet"));
    }

    @Test
    void tooFewFreeVcpusNamesTheLargestFreeCount() {
        nodes(node("a", 4, 65536), node("b", 8, 65536));
        Allocations allocations = Allocations.of(Map.of(
                "a", new Allocation(3, 1024, 1),
                "b", new Allocation(6, 1024, 3)));

        assertThat(choose(VmRequirements.of(4, 1024), allocations))
                .isEqualTo(new Unplaceable("no node with 4 free vCPUs (largest free: 2)"));
        assertThat(choose(VmRequirements.of(3, 1024), Allocations.of(Map.of(
                "a", new Allocation(4, 0, 1), "b", new Allocation(8, 0, 1)))))
                .isEqualTo(new Unplaceable("no node with 3 free vCPUs (largest free: 0)"));
    }

    @Test
    void tooLittleFreeMemoryNamesTheLargestFreeAmount() {
        nodes(node("a", 16, 4096), node("b", 16, 2048));

        assertThat(choose(VmRequirements.of(1, 8192), Allocations.none()))
                .isEqualTo(new Unplaceable("no node with 8192 MB free memory (largest free: 4096 MB)"));
    }

    @Test
    void cpuOnOneNodeAndMemoryOnAnotherIsNoFit() {
        nodes(node("cpu-rich", 16, 1024), node("mem-rich", 1, 65536));

        assertThat(choose(VmRequirements.of(4, 8192), Allocations.none())).isEqualTo(new Unplaceable(
                "no node with both 4 free vCPUs and 8192 MB free memory (nodes with enough vCPUs have at most"
                        + " 1024 MB free)"));
    }

    @Test
    void anOverbookedNodeCountsAsFull() {
        // the node shrank below what is already placed on it
        nodes(node("a", 2, 2048));
        Allocations allocations = Allocations.of(Map.of("a", new Allocation(4, 4096, 2)));

        assertThat(choose(VmRequirements.of(1, 64), allocations))
                .isEqualTo(new Unplaceable("no node with 1 free vCPU (largest free: 0)"));
    }

    @Test
    void aVmThatFitsNowhereIsPlacedWhenCapacityAppears() {
        VmRequirements big = VmRequirements.of(4, 8192);
        nodes(node("a", 2, 4096));
        assertThat(choose(big, Allocations.none())).isInstanceOf(Unplaceable.class);

        nodes(node("a", 2, 4096), node("b", 8, 16384));

        assertThat(choose(big, Allocations.none())).isEqualTo(new Placed("b"));
    }

    @Test
    void aNodeComingBackFromNotReadyOrCordonedTakesVmsAgain() {
        Node cordoned = node("a", 8, 8192).ready().cordon();
        nodes(cordoned);
        assertThat(choose(SMALL, Allocations.none())).isInstanceOf(Unplaceable.class);
        nodes(node("a", 8, 8192).notReady());
        assertThat(choose(SMALL, Allocations.none())).isInstanceOf(Unplaceable.class);

        nodes(cordoned.uncordon());

        assertThat(choose(SMALL, Allocations.none())).isEqualTo(new Placed("a"));
    }
}
