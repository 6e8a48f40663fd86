package io.voidvm.nodeagent.reconcile;

import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.nodeagent.reconcile.domain.DesiredState;
import io.voidvm.nodeagent.reconcile.domain.Jitter;
import io.voidvm.nodeagent.reconcile.domain.StrayWatch;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.LocalVm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Start-up: re-attaches every VM found under the state directory and reports what it found, before the command
 * consumer starts (a lower lifecycle phase), so commands always meet VMs in a known state. Then a pass right away
 * and again after every jittered interval (ADR 0011): fetch the node's desired state from vm-service and adopt it,
 * converge every VM (a QEMU that died silently is noticed here), destroy strays whose grace period is over, and
 * publish the node's full observed-state report. A failed fetch leaves only the local specs to converge on, and
 * destroys nothing.
 */
public final class Reconciler implements SmartLifecycle {

    /** Below the Kafka listener containers' phase, so this starts before and stops after them. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final String nodeName;
    private final VmRuntimes runtimes;
    private final DesiredStateSource desiredState;
    private final ObservedStateSink reports;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final Jitter jitter;
    private final StrayWatch strays;
    /** Strays of the previous pass, to log only the new ones. */
    private Set<UUID> knownStrays = Set.of();
    private Instant lastFetchedAt;
    private int failedFetches;
    private ScheduledExecutorService scheduler;

    public Reconciler(String nodeName, VmRuntimes runtimes, DesiredStateSource desiredState, ObservedStateSink reports,
            ReconcileProperties properties, Clock clock) {
        this.nodeName = nodeName;
        this.runtimes = runtimes;
        this.desiredState = desiredState;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.jitter = new Jitter(properties.interval(), properties.jitter());
        this.strays = new StrayWatch(properties.strayGracePeriod(), clock);
    }

    @Override
    public synchronized void start() {
        restoreAll();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("reconcile").factory());
        scheduler.execute(this::loop);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Re-attaches every VM on disk; blocks (bounded) so that commands are consumed only afterwards. */
    void restoreAll() {
        List<UUID> vmIds = runtimes.storedVmIds();
        long started = System.nanoTime();
        CompletableFuture<?>[] restores = vmIds.stream()
                .map(id -> runtimes.restore(id).exceptionally(failure -> {
                    log.error("VM {}: restore after agent start failed", id, failure);
                    return null;
                }))
                .toArray(CompletableFuture[]::new);
        await(CompletableFuture.allOf(restores), properties.startupTimeout(), "restoring " + vmIds.size() + " VMs");
        log.info("node {}: restored {} VMs in {} ms: {}", nodeName, vmIds.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), runtimes.states());
    }

    /** One pass; the loop calls it, and tests. */
    void pass() {
        long mark = runtimes.mark();
        Optional<DesiredState> desired = fetch();
        desired.ifPresent(state -> state.vms().forEach(vm -> runtimes.resync(vm, mark, state.settled(vm.vmId()))));
        await(runtimes.reconcileAll(), properties.interval().multipliedBy(10), "reconcile pass");

        List<LocalVm> local = runtimes.inventory();
        StrayWatch.Decision decision = desired.map(state -> strays.afterFetch(state.listed(), mark, local))
                .orElseGet(() -> strays.withoutFetch(local));
        logStrays(decision);
        CompletableFuture<?>[] destroys = decision.destroy().stream()
                .map(id -> runtimes.destroyStray(id, mark).exceptionally(failure -> {
                    log.error("node {}: destroying stray VM {} failed", nodeName, id, failure);
                    return null;
                }))
                .toArray(CompletableFuture[]::new);
        await(CompletableFuture.allOf(destroys), properties.interval().multipliedBy(10), "destroying strays");

        reports.publish(report(desired, decision));
    }

    private Optional<DesiredState> fetch() {
        Optional<DesiredState> desired;
        try {
            desired = desiredState.fetch(nodeName);
        } catch (RuntimeException e) {
            if (failedFetches++ == 0) {
                log.warn("node {}: no desired state from vm-service ({}); converging on local specs and destroying"
                        + " nothing until a fetch succeeds", nodeName, e.getMessage());
            } else {
                log.debug("node {}: desired-state fetch {} failed: {}", nodeName, failedFetches, e.getMessage());
            }
            return Optional.empty();
        }
        desired.ifPresent(state -> {
            if (failedFetches > 0) {
                log.info("node {}: desired state from vm-service again, after {} failed fetches", nodeName,
                        failedFetches);
            }
            failedFetches = 0;
            lastFetchedAt = state.fetchedAt();
        });
        return desired;
    }

    /**
     * Every VM as last reported, a DELETED entry for each VM the fetch wanted deleted that this node no longer has
     * (its own DELETED event may have been lost), and the strays not being destroyed right now.
     */
    private NodeObservedState report(Optional<DesiredState> desired, StrayWatch.Decision decision) {
        Instant now = clock.instant();
        List<NodeObservedState.ObservedVm> vms = new ArrayList<>(runtimes.observed());
        Set<UUID> present = runtimes.states().keySet();
        desired.ifPresent(state -> state.vms().stream()
                .filter(vm -> vm.desired() == DesiredPower.DELETED && !present.contains(vm.vmId()))
                .forEach(vm -> vms.add(new NodeObservedState.ObservedVm(vm.vmId(), vm.tenantId(), VmStatus.DELETED,
                        null, vm.generation(), now))));
        Set<UUID> destroyed = new HashSet<>(decision.destroy());
        List<NodeObservedState.StrayVm> strayVms = decision.strays().stream()
                .filter(stray -> !destroyed.contains(stray.vmId()))
                .map(stray -> new NodeObservedState.StrayVm(stray.vmId(), stray.qemuRunning(), stray.since(),
                        stray.destroyAt()))
                .toList();
        return new NodeObservedState(nodeName, vms, strayVms, lastFetchedAt, now);
    }

    private void logStrays(StrayWatch.Decision decision) {
        for (StrayWatch.Stray stray : decision.strays()) {
            if (!knownStrays.contains(stray.vmId())) {
                log.warn("node {}: VM {} is a stray (vm-service's desired state does not list it; QEMU {}); destroyed"
                        + " at {} unless vm-service lists it by then", nodeName, stray.vmId(),
                        stray.qemuRunning() ? "running" : "not running", stray.destroyAt());
            }
        }
        decision.claimed().forEach(id -> log.info("node {}: VM {} is listed by vm-service again; no longer a stray",
                nodeName, id));
        decision.destroy().forEach(id -> log.warn("node {}: destroying stray VM {}: not listed by vm-service for {}",
                nodeName, id, properties.strayGracePeriod()));
        knownStrays = decision.strays().stream().map(StrayWatch.Stray::vmId).collect(Collectors.toUnmodifiableSet());
    }

    private void loop() {
        try {
            pass();
        } catch (RuntimeException e) {
            // the next pass must still come
            log.error("node {}: reconcile pass failed", nodeName, e);
        }
        synchronized (this) {
            if (scheduler != null && !scheduler.isShutdown()) {
                Duration pause = jitter.pause(ThreadLocalRandom.current().nextDouble());
                scheduler.schedule(this::loop, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void await(CompletableFuture<?> future, Duration timeout, String what) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} did not finish within {}; going on", what, timeout);
        } catch (ExecutionException e) {
            log.error("{} failed", what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
