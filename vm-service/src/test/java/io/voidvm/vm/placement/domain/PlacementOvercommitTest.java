package io.voidvm.vm.placement.domain;

import static io.voidvm.vm.node.domain.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.Overcommit;
import io.voidvm.vm.placement.domain.Allocations.Allocation;
import io.voidvm.vm.placement.domain.PlacementDecision.Placed;
import io.voidvm.vm.placement.domain.PlacementDecision.Unplaceable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a node offers is its allocatable amount times its overcommit ratio: its own, or the defaults. */
class PlacementOvercommitTest {

    /** The shipped defaults ({@code voidvm.vm.placement.*}, pinned by {@code PlacementPropertiesTest}). */
    static final Overcommit DEFAULTS = new Overcommit(4.0, 1.0);
    /** The smallest VM the API accepts: 1 vCPU, 64 MB. */
    static final VmRequirements SMALLEST = VmRequirements.of(1, 64);

    /**
     * The README's minimum machine: 2 cores, as the agent reports them (no CPU reserved by default), and the
     * memory of a small host after the agent's 512 MB reservation.
     */
    static final Node TWO_CORES = node("local", 2, 3584).ready();

    /** Places the VM again and again, as creates do, until placement refuses; returns the nodes chosen. */
    static List<String> fill(List<Node> nodes, VmRequirements vm, Overcommit defaults) {
        List<String> placed = new ArrayList<>();
        Allocations allocations = Allocations.none();
        while (Placement.choose(vm, nodes, allocations, defaults) instanceof Placed(String node)) {
            placed.add(node);
            allocations = allocations.plus(node, vm);
            if (placed.size() > 1000) {
                throw new AssertionError("placement never refuses");
            }
        }
        return placed;
    }

    @Test
    void twoCoresTakeEightOfTheSmallestVmsAtTheDefaultRatio() {
        List<String> placed = fill(List.of(TWO_CORES), SMALLEST, DEFAULTS);

        assertThat(placed).hasSize(8).containsOnly("local");
        Allocations full = Allocations.of(Map.of("local", new Allocation(8, 8 * 64, 8)));
        assertThat(Placement.choose(SMALLEST, List.of(TWO_CORES), full, DEFAULTS))
                .isEqualTo(new Unplaceable("no node with 1 free vCPU (largest free: 0)"));
    }

    @Test
    void withoutOvercommitTwoCoresTookOnlyTwo() {
        assertThat(fill(List.of(TWO_CORES), SMALLEST, new Overcommit(1.0, 1.0))).hasSize(2);
    }

    @Test
    void aNodesOwnRatioReplacesTheDefault() {
        Node generous = node("a", 2, 65536).ready().withOvercommit(16.0, null);
        Node strict = node("b", 2, 65536).ready().withOvercommit(1.0, null);

        assertThat(fill(List.of(generous), SMALLEST, DEFAULTS)).hasSize(32);
        assertThat(fill(List.of(strict), SMALLEST, DEFAULTS)).hasSize(2);
    }

    @Test
    void memoryIsNotOvercommittedByDefaultButMayBe() {
        Node node = node("a", 64, 1024).ready();

        assertThat(fill(List.of(node), VmRequirements.of(1, 256), DEFAULTS)).hasSize(4);
        assertThat(fill(List.of(node.withOvercommit(null, 1.5)), VmRequirements.of(1, 256), DEFAULTS)).hasSize(6);
    }

    @Test
    void loadIsMeasuredAgainstWhatTheNodeOffers() {
        // a: 2 cores at 4.0 offer 8 vCPUs; b: 4 cores at 1.0 offer 4. With 2 placed on each, a is at 25 %, b at 50 %
        Node a = node("a", 2, 65536).ready();
        Node b = node("b", 4, 65536).ready().withOvercommit(1.0, null);
        Allocations allocations = Allocations.of(Map.of("a", new Allocation(2, 128, 2), "b", new Allocation(2, 128, 2)));

        assertThat(Placement.choose(SMALLEST, List.of(a, b), allocations, DEFAULTS)).isEqualTo(new Placed("a"));
    }

    @Test
    void twoSmallNodesTakeSixteenAndSpreadThem() {
        List<String> placed = fill(List.of(TWO_CORES, node("second", 2, 3584).ready()), SMALLEST, DEFAULTS);

        assertThat(placed).hasSize(16);
        assertThat(placed.stream().filter("local"::equals).count()).isEqualTo(8);
    }

    @Test
    void theLargestVmMemoryFollowsTheMemoryRatioOfNodesThatTakeVms() {
        Node small = node("small", 2, 2048).ready();
        Node big = node("big", 2, 4096).ready().cordon();

        assertThat(Placement.largestMemoryMb(List.of(small, big), DEFAULTS)).hasValue(2048);
        assertThat(Placement.largestMemoryMb(List.of(small.withOvercommit(null, 2.0), big), DEFAULTS))
                .hasValue(4096);
        assertThat(Placement.largestMemoryMb(List.of(big), DEFAULTS)).isEmpty();
    }
}
