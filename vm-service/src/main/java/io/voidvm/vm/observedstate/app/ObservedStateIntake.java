package io.voidvm.vm.observedstate.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.events.StatusIntake;
import io.voidvm.vm.observedstate.domain.NodeStrays;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A node's full report is authoritative for the VMs it lists (ADR 0011). Each entry is taken like a single
 * status event, in a transaction of its own ({@link StatusIntake}: generation-checked, ordered by observed time,
 * a never-issued generation refused), so a lost event is repaired and one bad row cannot hold up the rest.
 * What the report does not say is no news: a VM placed on the node but missing from the report may have been
 * placed after the desired state the node converged on was fetched. A VM the report lists that vm-service does not
 * know, or places elsewhere, changes nothing here; the node itself lists it as a stray and destroys it. Strays
 * are logged when they appear and disappear and counted per node in {@value #STRAYS_METER}.
 */
@Service
public class ObservedStateIntake {

    /** Strays the node's latest report named, per {@code node}. */
    public static final String STRAYS_METER = "voidvm.node.strays";
    /** VM statuses a full report corrected (the single event was lost or dead-lettered). */
    public static final String CORRECTIONS_METER = "voidvm.vm.reports.corrections";

    /** How the entries of one report were taken; for the log line and tests. */
    public enum Effect { CORRECTED, UPDATED, UNCHANGED, REFUSED, UNKNOWN_VM, OTHER_NODE }

    private static final Logger log = LoggerFactory.getLogger(ObservedStateIntake.class);

    private final StatusIntake statuses;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter corrections;
    private final NodeStrays strays = new NodeStrays();
    /** Nodes whose stray gauge is registered; guarded by {@link #strays}. */
    private final Set<String> gaugedNodes = new HashSet<>();

    ObservedStateIntake(StatusIntake statuses, TransactionalOperator transactions, Clock clock, MeterRegistry meters) {
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.corrections = Counter.builder(CORRECTIONS_METER)
                .description("VM statuses corrected by a node's full observed-state report").register(meters);
    }

    /** Takes every entry of {@code report}, one after the other; completes with a count per effect. */
    public Mono<Map<Effect, Integer>> take(NodeObservedState report) {
        String node = report.nodeName();
        return Flux.fromIterable(report.vms())
                .concatMap(entry -> take(node, entry))
                .collect(() -> new EnumMap<Effect, Integer>(Effect.class), (tally, effect) -> tally.merge(effect, 1,
                        Integer::sum))
                .map(tally -> {
                    noteStrays(report);
                    log.debug("node {}: report of {} ({} VMs, {} strays, desired state fetched {}): {}", node,
                            report.reportedAt(), report.vms().size(), report.strays().size(),
                            report.desiredStateFetchedAt(), tally);
                    return Map.copyOf(tally);
                });
    }

    private Mono<Effect> take(String node, NodeObservedState.ObservedVm entry) {
        Instant now = clock.instant();
        VmStatusChanged report = new VmStatusChanged(entry.status(), entry.reason(), entry.generation(),
                entry.observedAt());
        return transactions.transactional(statuses.take(entry.vmId(), node, report, StatusIntake.Source.FULL_REPORT,
                        now))
                .map(taken -> {
                    if (taken.unknownVm()) {
                        return Effect.UNKNOWN_VM;
                    }
                    if (taken.outcome() == null) {
                        return Effect.OTHER_NODE;
                    }
                    if (taken.statusChanged()) {
                        corrections.increment();
                        log.info("vm {}: status corrected by node {}'s report: was {}, is {}", entry.vmId(), node,
                                taken.before().status(), taken.after().status());
                        return Effect.CORRECTED;
                    }
                    return switch (taken.outcome()) {
                        case NEVER_ISSUED -> Effect.REFUSED;
                        case APPLIED, LAGGING -> taken.applied() ? Effect.UPDATED : Effect.UNCHANGED;
                        case DUPLICATE, STALE, NOT_PLACED -> Effect.UNCHANGED;
                    };
                });
    }

    private void noteStrays(NodeObservedState report) {
        String node = report.nodeName();
        Map<UUID, NodeObservedState.StrayVm> byId = report.strays().stream()
                .collect(Collectors.toMap(NodeObservedState.StrayVm::vmId, stray -> stray, (a, b) -> a));
        NodeStrays.Change change;
        boolean firstFromNode;
        synchronized (strays) {
            change = strays.report(node, byId.keySet());
            firstFromNode = gaugedNodes.add(node);
        }
        if (firstFromNode) {
            Gauge.builder(STRAYS_METER, strays, all -> countOf(all, node)).tag("node", node)
                    .description("VMs a node has that vm-service's desired state for it does not list")
                    .register(meters);
        }
        for (UUID id : change.appeared()) {
            NodeObservedState.StrayVm stray = byId.get(id);
            log.warn("node {}: stray VM {} (QEMU {}), unknown to vm-service or placed elsewhere since {}; the node"
                    + " destroys it at {} unless it is placed there by then", node, id,
                    stray.qemuRunning() ? "running" : "not running", stray.since(), stray.destroyAt());
        }
        Set<UUID> gone = change.gone();
        if (!gone.isEmpty()) {
            log.info("node {}: no longer reports strays {}", node, gone);
        }
    }

    private static double countOf(NodeStrays all, String node) {
        synchronized (all) {
            return all.count(node);
        }
    }
}
