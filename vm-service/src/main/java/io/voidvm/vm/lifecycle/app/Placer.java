package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmCommandFactory;
import io.voidvm.vm.lifecycle.domain.VmTransition;
import io.voidvm.vm.config.PlacementProperties;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.placement.domain.Placement;
import io.voidvm.vm.placement.domain.PlacementDecision;
import io.voidvm.vm.placement.domain.VmRequirements;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts an unplaced VM on a node, or records why none fits, from the {@code nodes} table (state, cordon,
 * overcommit) and what is placed on each node. Placements are serialised by a transaction-scoped advisory lock:
 * two concurrent creates would otherwise both see the same free capacity and overfill a node.
 */
@Component
class Placer {

    /** Advisory lock key ("vmpl"); held until the placing transaction ends. */
    private static final long PLACEMENT_LOCK = 0x766D706CL;

    private final DatabaseClient db;
    private final VmRepository vms;
    private final NodeRepository nodes;
    private final PlacementProperties properties;
    private final VmCommandFactory commands;

    Placer(DatabaseClient db, VmRepository vms, NodeRepository nodes, PlacementProperties properties,
           VmCommandFactory commands) {
        this.db = Objects.requireNonNull(db, "db");
        this.vms = Objects.requireNonNull(vms, "vms");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /** Must run inside a transaction. The result carries the node's commands, or none when the VM must wait. */
    Mono<VmTransition> place(Vm vm, Instant now) {
        VmRequirements needs = VmRequirements.of(vm.cpuCores(), vm.memoryMb())
                .onNode(vm.bootVolume() == null ? null : vm.bootVolume().nodeName());
        return db.sql("SELECT pg_advisory_xact_lock(:key)").bind("key", PLACEMENT_LOCK).then()
                .then(Mono.zip(nodes.all().collectList(), vms.allocations()))
                .map(known -> switch (Placement.choose(needs, known.getT1(), known.getT2(),
                        properties.overcommit())) {
                    case PlacementDecision.Placed placed -> vm.placeOn(placed.nodeName(), commands, now);
                    case PlacementDecision.Unplaceable waiting -> {
                        Vm marked = vm.unplaceable(waiting.reason(), now);
                        yield new VmTransition(marked, List.of(), marked == vm);
                    }
                });
    }
}
