package io.voidvm.systemtests.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs every step of a stop even when one fails, then reports all failures together. */
final class StopSteps {

    private StopSteps() {
    }

    /** Runs {@code steps} at once (each JVM's graceful shutdown takes seconds) and waits for all of them. */
    static void runAllAtOnce(String what, List<Runnable> steps) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> running = steps.stream()
                    .map(step -> CompletableFuture.runAsync(step, threads)).toList();
            runAll(what, running.stream().<Runnable>map(future -> () -> {
                try {
                    future.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }).toList());
        }
    }

    static void runAll(String what, List<Runnable> steps) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(what + " failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
