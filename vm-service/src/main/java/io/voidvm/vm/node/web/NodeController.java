package io.voidvm.vm.node.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.apidoc.VmApiDocs;
import io.voidvm.vm.node.app.NodeAdministration;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/nodes}: the nodes vm-service places VMs on (ADR 0012). Admin role only; anyone else gets a 403
 * problem on every route (documented by service-kit like every 403), as on the platform's other admin routes: a
 * node is no tenant's resource, so the 403 reveals nothing.
 */
@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = VmApiDocs.NODES)
class NodeController {

    private final NodeAdministration nodes;

    NodeController(NodeAdministration nodes) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    @GetMapping
    @Operation(summary = "List nodes by name: state, capacity, overcommit, what is placed there, last heartbeat")
    Mono<CursorPage<NodeView>> list(Caller caller, PageRequest page) {
        return nodes.list(caller, page).map(found -> found.map(NodeView::of));
    }

    @GetMapping("/{name}")
    @Operation(summary = "Read one node")
    Mono<NodeView> get(@PathVariable String name, Caller caller) {
        return nodes.get(caller, name).map(NodeView::of);
    }

    @PatchMapping("/{name}")
    @Operation(summary = "Set the node's own overcommit ratios (merge patch: null goes back to the default)")
    Mono<NodeView> update(@PathVariable String name, @RequestBody UpdateNodeRequest body, Caller caller) {
        return Mono.fromSupplier(body::toChange).flatMap(change -> nodes.setOvercommit(caller, name, change))
                .map(NodeView::of);
    }

    @PostMapping("/{name}/cordon")
    @Operation(summary = "No new VMs on this node; its VMs keep running and may start and stop")
    Mono<NodeView> cordon(@PathVariable String name, Caller caller) {
        return nodes.cordon(caller, name).map(NodeView::of);
    }

    @PostMapping("/{name}/uncordon")
    @Operation(summary = "End a cordon or a drain: the node takes new VMs again")
    Mono<NodeView> uncordon(@PathVariable String name, Caller caller) {
        return nodes.uncordon(caller, name).map(NodeView::of);
    }

    @PostMapping("/{name}/drain")
    @Operation(summary = "Cordon the node and mark it draining; stopVms=true also stops each of its VMs through"
            + " the normal lifecycle (one stop operation per VM)")
    Mono<DrainView> drain(@PathVariable String name,
                          @Parameter(description = "also ask every VM on the node that should run (or stay paused)"
                                  + " to stop")
                          @RequestParam(defaultValue = "false") boolean stopVms,
                          Caller caller) {
        return nodes.drain(caller, name, stopVms).map(DrainView::of);
    }
}
