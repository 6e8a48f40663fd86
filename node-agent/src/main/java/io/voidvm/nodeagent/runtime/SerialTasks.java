package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.event.CommandResult;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A VM's serial executor (one virtual thread, tasks in submission order). A task submitted for a command
 * ends in exactly one CommandResult: SUCCEEDED when it returns, FAILED with the failure's code otherwise.
 */
final class SerialTasks {

    private static final Logger log = LoggerFactory.getLogger(SerialTasks.class);

    private final UUID vmId;
    private final VmEventSink events;
    private final ExecutorService executor;

    SerialTasks(UUID vmId, VmEventSink events) {
        this.vmId = vmId;
        this.events = events;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("vm-" + vmId).factory());
    }

    CompletableFuture<Void> submit(EventContext origin, Runnable task, UUID commandId) {
        try {
            return CompletableFuture.runAsync(() -> run(origin, task, commandId), executor);
        } catch (RejectedExecutionException e) {
            log.debug("VM {}: runtime closed, task dropped", vmId);
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs {@code task} on the executor and waits for its value or failure; for callers on other threads that
     * need the VM's state consistent while they read or change it.
     */
    <T> T call(EventContext origin, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(origin, () -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, null).whenComplete((ignored, refused) -> {
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
