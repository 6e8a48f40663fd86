package io.voidvm.vm.node.web;

import io.voidvm.vm.node.app.NodeAdministration;
import io.voidvm.vm.operation.web.OperationView;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a drain: the node, and for {@code stopVms=true} each VM it asked to stop.
 *
 * @param stops one per VM that should have been running or paused: its stop operation, or why it was refused
 */
record DrainView(NodeView node, List<Stop> stops) {

    /** @param operation the VM's stop operation; {@code null} when refused */
    record Stop(UUID vmId, OperationView operation, String refused) {
    }

    static DrainView of(NodeAdministration.Drained drained) {
        return new DrainView(NodeView.of(drained.node()), drained.stops().stream()
                .map(stop -> new Stop(stop.vmId(), stop.stop() == null ? null : OperationView.of(stop.stop().operation()),
                        stop.refused()))
                .toList());
    }
}
