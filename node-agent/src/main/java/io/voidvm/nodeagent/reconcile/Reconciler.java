package io.voidvm.nodeagent.reconcile;

import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Start-up: re-attaches every VM found under the state directory and reports what it found, before the
 * command consumer starts (a lower lifecycle phase), so commands always meet VMs in a known state. Then a
 * pass every interval: a QEMU that died silently is reported, desired state is converged on, and the
 * vm-service resync (when there is one) is applied.
 */
public final class Reconciler implements SmartLifecycle {

    /** Below the Kafka listener containers' phase, so this starts before and stops after them. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final String nodeName;
    private final VmRuntimes runtimes;
    private final DesiredStateSource desiredState;
    private final ReconcileProperties properties;
    private ScheduledExecutorService scheduler;

    public Reconciler(String nodeName, VmRuntimes runtimes, DesiredStateSource desiredState,
            ReconcileProperties properties) {
        this.nodeName = nodeName;
        this.runtimes = runtimes;
        this.desiredState = desiredState;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        restoreAll();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("reconcile").factory());
        long interval = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::passSafely, interval, interval, TimeUnit.MILLISECONDS);
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

    /** One periodic pass; also callable from tests. */
    void pass() {
        Optional<List<VmRecord>> resync = desiredState.fetch(nodeName);
        resync.ifPresent(records -> records.forEach(runtimes::resync));
        await(runtimes.reconcileAll(), properties.interval().multipliedBy(10), "reconcile pass");
    }

    private void passSafely() {
        try {
            pass();
        } catch (RuntimeException e) {
            // an exception would end the fixed-delay schedule for good
            log.error("node {}: reconcile pass failed", nodeName, e);
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
