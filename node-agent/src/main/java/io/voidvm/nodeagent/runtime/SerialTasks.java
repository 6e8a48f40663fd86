package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.event.CommandResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A VM's serial executor: one virtual thread, tasks in submission order, and a bounded number of tasks waiting
 * ({@code capacity}, {@code voidvm.nodeagent.runtime.task-queue-capacity}). A task submitted for a command ends in
 * exactly one CommandResult: SUCCEEDED when it returns, FAILED with the failure's code otherwise.
 *
 * <p>What happens when the queue is full depends on the kind of task, so that nothing is lost that would leave
 * the VM's state wrong:
 * <ul>
 *   <li><b>command</b> ({@link #command}): refused at once with a FAILED CommandResult {@value
 *       RuntimeFailure#AGENT_BUSY} (retry later). A desired-state command's generation is already persisted
 *       when it is refused, so the next reconcile pass converges on it anyway; an action is simply not done.</li>
 *   <li><b>reconcile pass</b> and <b>status refresh</b> ({@link #coalesced}): at most one of each waits; a second
 *       request joins the waiting one, which reads the VM's record or QEMU's status when it runs and so covers
 *       both. They are always admitted, beyond the capacity.</li>
 *   <li><b>QMP lifecycle event</b> ({@link #event}): queued only while the queue is less than half full and no
 *       status refresh waits; otherwise refused, and the caller asks for a status refresh instead, which re-reads
 *       {@code query-status}. Events never crowd commands out of more than half the queue.</li>
 *   <li><b>one-off</b> ({@link #always}): re-attach after an agent restart (once per runtime), "QEMU is gone"
 *       notifications (at most two per QEMU process), a desired state adopted by the resync (at most one per pass)
 *       and a stray's destruction (once) are always queued; their number is bounded by nature.</li>
 *   <li><b>call</b> from another thread ({@link #call}): refused with a {@link RuntimeFailure} AGENT_BUSY.</li>
 * </ul>
 */
final class SerialTasks {

    /** Kinds of task of which at most one waits. */
    enum Coalesced { RECONCILE, REFRESH }

    private static final Logger log = LoggerFactory.getLogger(SerialTasks.class);

    private final UUID vmId;
    private final VmEventSink events;
    private final int capacity;
    /** One permit per waiting command, event or call; taken when queued, returned when the task starts. */
    private final Semaphore slots;
    private final Map<Coalesced, CompletableFuture<Void>> waiting = new EnumMap<>(Coalesced.class);
    private final ThreadPoolExecutor executor;

    SerialTasks(UUID vmId, VmEventSink events, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("task queue capacity must be at least 2, got " + capacity);
        }
        this.vmId = vmId;
        this.events = events;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        // the queue itself is unbounded: admission (slots, coalescing) is what bounds it
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofVirtual().name("vm-" + vmId).factory());
    }

    /**
     * Queues the work of command {@code commandId}, or refuses it when {@code capacity} tasks wait: then the command
     * is answered FAILED {@value RuntimeFailure#AGENT_BUSY} with {@code ifRefused} (what that means for it) and
     * {@code onRefused} gets the failure (e.g. to answer a volume as well).
     */
    CompletableFuture<Void> command(EventContext origin, UUID commandId, Runnable task, String ifRefused,
            Consumer<RuntimeFailure> onRefused) {
        Objects.requireNonNull(commandId, "commandId");
        String why = null;
        if (!slots.tryAcquire()) {
            why = capacity + " tasks are already queued for this VM (voidvm.nodeagent.runtime.task-queue-capacity)";
        } else if (executor.isShutdown()) {
            slots.release();
            why = "the VM's runtime is closed (agent shutting down or VM removed)";
        }
        if (why != null) {
            RuntimeFailure busy = new RuntimeFailure(RuntimeFailure.AGENT_BUSY, why + "; " + ifRefused, null);
            log.warn("VM {}: command {} refused: {}", vmId, commandId, busy.getMessage());
            events.publish(origin, CommandResult.failed(commandId, busy.code(), busy.getMessage()));
            onRefused.accept(busy);
            return CompletableFuture.failedFuture(busy);
        }
        return enqueue(origin, task, commandId, true);
    }

    /** Queues a QMP event's task; false when the caller must ask for a status refresh instead. */
    synchronized boolean event(EventContext origin, Runnable task) {
        if (waiting.containsKey(Coalesced.REFRESH) || slots.availablePermits() <= capacity / 2
                || !slots.tryAcquire()) {
            return false;
        }
        enqueue(origin, task, null, true);
        return true;
    }

    /** Queues {@code task} unless one of its kind waits already; then returns the waiting one's future. */
    synchronized CompletableFuture<Void> coalesced(Coalesced kind, EventContext origin, Runnable task) {
        CompletableFuture<Void> pending = waiting.get(kind);
        if (pending != null) {
            return pending;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        waiting.put(kind, mine);
        enqueue(origin, () -> {
            synchronized (this) {
                waiting.remove(kind, mine);
            }
            task.run();
        }, null, false).whenComplete((ignored, failure) -> {
            synchronized (this) {
                // refused (runtime closed): nobody will run it, so nobody may join it
                waiting.remove(kind, mine);
            }
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(null);
            }
        });
        return mine;
    }

    /** Queues {@code task} whatever the queue holds; only for tasks whose number is bounded by nature. */
    CompletableFuture<Void> always(EventContext origin, Runnable task) {
        return enqueue(origin, task, null, false);
    }

    /**
     * Runs {@code task} on the executor and waits for its value or failure; for callers on other threads that
     * need the VM's state consistent while they read or change it. Refused with AGENT_BUSY when the queue is full.
     */
    <T> T call(EventContext origin, Supplier<T> task) {
        if (!slots.tryAcquire()) {
            throw new RuntimeFailure(RuntimeFailure.AGENT_BUSY, "VM " + vmId + " has " + capacity
                    + " tasks queued (voidvm.nodeagent.runtime.task-queue-capacity); try again later", null);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(origin, () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, null, true).whenComplete((ignored, refused) -> {
            // a closed runtime refuses the task: the caller must not wait for it forever
            if (!result.isDone()) {
                result.completeExceptionally(refused != null ? refused
                        : new IllegalStateException("VM " + vmId + " runtime is closed"));
            }
        });
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Tasks waiting that hold a slot (commands, events, calls); for tests and logs. */
    int queued() {
        return capacity - slots.availablePermits();
    }

    /** Queued tasks still run; new ones are refused. */
    void shutdown() {
        executor.shutdown();
    }

    void shutdownAndWait(Duration timeout) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<Void> enqueue(EventContext origin, Runnable task, UUID commandId, boolean holdsSlot) {
        try {
            return CompletableFuture.runAsync(() -> {
                if (holdsSlot) {
                    slots.release();
                }
                run(origin, task, commandId);
            }, executor);
        } catch (RejectedExecutionException e) {
            if (holdsSlot) {
                slots.release();
            }
            log.debug("VM {}: runtime closed, task dropped", vmId);
            return CompletableFuture.failedFuture(e);
        }
    }

    private void run(EventContext origin, Runnable task, UUID commandId) {
        MDC.put("vmId", vmId.toString());
        String what = commandId == null ? "task" : "command " + commandId;
        try {
            task.run();
            if (commandId != null) {
                events.publish(origin, CommandResult.succeeded(commandId));
            }
        } catch (RuntimeFailure e) {
            log.warn("VM {}: {} failed: {}", vmId, what, e.getMessage());
            if (commandId != null) {
                events.publish(origin, CommandResult.failed(commandId, e.code(), e.getMessage()));
            }
        } catch (RuntimeException e) {
            log.error("VM {}: {} failed", vmId, what, e);
            if (commandId != null) {
                events.publish(origin, CommandResult.failed(commandId, RuntimeFailure.AGENT_ERROR,
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        } finally {
            MDC.remove("vmId");
        }
    }
}
