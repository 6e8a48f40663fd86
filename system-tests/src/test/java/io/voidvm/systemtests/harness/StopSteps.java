package io.voidvm.systemtests.harness;

import java.util.ArrayList;
import java.util.List;

/** Runs every step of a stop even when one fails, then reports all failures together. */
final class StopSteps {

    private StopSteps() {
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
