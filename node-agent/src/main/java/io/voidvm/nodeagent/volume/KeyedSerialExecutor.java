package io.voidvm.nodeagent.volume;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs tasks one at a time per key, in submission order, each on a virtual thread; keys run in parallel.
 * A key costs nothing once its queue is empty (its entry is dropped), so one key per volume is fine.
 */
final class KeyedSerialExecutor implements AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("volume-", 0).factory());
    private final Map<UUID, CompletableFuture<Void>> tails = new HashMap<>();

    synchronized CompletableFuture<Void> submit(UUID key, Runnable task) {
        CompletableFuture<Void> previous = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = previous.handleAsync((ignored, failure) -> {
            task.run();
            return null;
        }, threads);
        tails.put(key, next);
        next.whenComplete((ignored, failure) -> forget(key, next));
        return next;
    }

    private synchronized void forget(UUID key, CompletableFuture<Void> done) {
        tails.remove(key, done);
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
