package io.voidvm.vm.lifecycle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.lifecycle.app.NodeDesiredState;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The agents' resync (ADR 0001). Under {@code /internal}, which the gateway does not route; admin role only,
 * which node agents hold through the platform client.
 */
@RestController
class NodeDesiredStateController {

    private final NodeDesiredState desiredState;

    NodeDesiredStateController(NodeDesiredState desiredState) {
        this.desiredState = Objects.requireNonNull(desiredState, "desiredState");
    }

    @GetMapping("/internal/v1/nodes/{node}/desired-state")
    @Operation(summary = "A node's desired state", description = "Every VM that should exist on the node, with its"
            + " spec and desired power state: what a node agent resyncs from (ADR 0001). Platform callers only.")
    Mono<NodeDesiredState.Snapshot> desiredState(@PathVariable String node, Caller caller) {
        return desiredState.of(caller, node);
    }
}
