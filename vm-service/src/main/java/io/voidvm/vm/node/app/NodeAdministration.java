package io.voidvm.vm.node.app;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.vm.config.PlacementProperties;
import io.voidvm.vm.lifecycle.app.Accepted;
import io.voidvm.vm.lifecycle.app.VersionPrecondition;
import io.voidvm.vm.lifecycle.app.VmLifecycleService;
import io.voidvm.vm.lifecycle.db.VmRepository;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.InvalidTransition;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.NodeCapacityChanged;
import io.voidvm.vm.placement.domain.Allocations;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The nodes admin API (admin role only; anyone else gets 403, as on every admin route): list and read nodes,
 * cordon and uncordon, drain (cordon, and optionally stop the node's VMs through the normal lifecycle), and set
 * per-node overcommit. Each change of a node is one transaction under its row lock.
 */
@Service
public class NodeAdministration {

    /** One VM a drain asked to stop: its operation, or why the stop was refused. */
    public record DrainStop(UUID vmId, Accepted stop, String refused) {
    }

    /** The node after a drain and what became of each VM it asked to stop. */
    public record Drained(NodeStatus node, List<DrainStop> stops) {
    }

    private static final Logger log = LoggerFactory.getLogger(NodeAdministration.class);
    private static final String API = "the nodes API";

    private final NodeRepository nodes;
    private final VmRepository vms;
    private final VmLifecycleService lifecycle;
    private final TransactionalOperator transactions;
    private final ApplicationEventPublisher events;
    private final PlacementProperties placement;

    NodeAdministration(NodeRepository nodes, VmRepository vms, VmLifecycleService lifecycle,
                       TransactionalOperator transactions, ApplicationEventPublisher events,
                       PlacementProperties placement) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.vms = Objects.requireNonNull(vms, "vms");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.placement = Objects.requireNonNull(placement, "placement");
    }

    public Mono<CursorPage<NodeStatus>> list(Caller caller, PageRequest page) {
        return Mono.fromSupplier(() -> caller.requireAdmin(API))
                .then(Mono.zip(nodes.page(page).collectList(), vms.allocations()))
                .map(found -> CursorPage.of(found.getT1(), page, NodeRepository::cursorAfter)
                        .map(node -> status(node, found.getT2())));
    }

    public Mono<NodeStatus> get(Caller caller, String name) {
        return Mono.fromSupplier(() -> caller.requireAdmin(API)).then(existing(name, nodes::find))
                .flatMap(this::withAllocation);
    }

    public Mono<NodeStatus> cordon(Caller caller, String name) {
        return change(caller, name, Node::cordon, "cordoned");
    }

    /** Ends a cordon or a drain; VMs waiting for a node may now be placed here. */
    public Mono<NodeStatus> uncordon(Caller caller, String name) {
        return change(caller, name, Node::uncordon, "uncordoned")
                .doOnNext(status -> events.publishEvent(new NodeCapacityChanged(name)));
    }

    /**
     * Cordons the node and marks it draining; with {@code stopVms}, then asks every VM on it that should run (or
     * stay paused) to stop, each as an ordinary stop requested by the admin. A stop the VM's status does not
     * allow (an UNKNOWN VM of a lost node, one being deleted) is reported, not fatal.
     */
    public Mono<Drained> drain(Caller caller, String name, boolean stopVms) {
        return change(caller, name, Node::drain, stopVms ? "drained, stopping its VMs" : "drained")
                .flatMap(status -> (stopVms ? stopAll(caller, name) : Flux.<DrainStop>empty())
                        .collectList().map(stops -> new Drained(status, stops)));
    }

    /**
     * Sets this node's overcommit ratios; {@code null} goes back to the configured default. A larger ratio may let
     * waiting VMs be placed.
     */
    public Mono<NodeStatus> setOvercommit(Caller caller, String name, UnaryOperator<Node> change) {
        return change(caller, name, change, "overcommit changed")
                .doOnNext(status -> events.publishEvent(new NodeCapacityChanged(name)));
    }

    private Mono<NodeStatus> change(Caller caller, String name, UnaryOperator<Node> change, String what) {
        return Mono.fromSupplier(() -> caller.requireAdmin(API))
                .then(transactions.transactional(existing(name, nodes::findForUpdate).flatMap(locked -> {
                    Node changed = change.apply(locked);
                    return changed.equals(locked) ? Mono.just(locked) : nodes.update(changed);
                })))
                .doOnNext(node -> log.info("node {} {} by {} (cordoned {}, draining {}, overcommit {}/{})", name, what,
                        caller.subject(), node.cordoned(), node.draining(), node.cpuOvercommit(),
                        node.memoryOvercommit()))
                .flatMap(this::withAllocation);
    }

    private Flux<DrainStop> stopAll(Caller caller, String name) {
        return vms.placedOn(name)
                .filter(vm -> vm.desiredPower() == DesiredPower.RUNNING || vm.desiredPower() == DesiredPower.PAUSED)
                .concatMap(vm -> lifecycle.act(caller, vm.id(), VmAction.STOP, VersionPrecondition.NONE)
                        .map(accepted -> new DrainStop(vm.id(), accepted, null))
                        .onErrorResume(InvalidTransition.class,
                                refused -> Mono.just(new DrainStop(vm.id(), null, refused.getMessage()))));
    }

    private static Mono<Node> existing(String name, Function<String, Mono<Node>> read) {
        if (!DnsLabel.isValid(name)) {
            return Mono.error(new NotFoundException("node", name));
        }
        return Mono.defer(() -> read.apply(name)).switchIfEmpty(Mono.error(() -> new NotFoundException("node", name)));
    }

    private Mono<NodeStatus> withAllocation(Node node) {
        return vms.allocations().map(allocations -> status(node, allocations));
    }

    private NodeStatus status(Node node, Allocations allocations) {
        return new NodeStatus(node, node.overcommit(placement.overcommit()), allocations.on(node.name()));
    }
}
