package io.voidvm.launcher.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process with everything it spawned: SIGTERM to all, a grace period, then SIGKILL to what is left. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Returns true when the processes stopped within the grace period, false when some had to be killed. */
    public static boolean stop(List<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle root : roots) {
            all.addAll(root.descendants().toList());
            all.add(root);
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        boolean graceful = true;
        for (ProcessHandle handle : all) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
                graceful = false;
            } catch (Exception timedOut) {
                handle.destroyForcibly();
                graceful = false;
            }
        }
        awaitGone(all, Duration.ofSeconds(10));
        return graceful;
    }

    /** Waits (bounded) until none of {@code handles} is alive; a killed process may need a moment to be reaped. */
    public static boolean awaitGone(List<ProcessHandle> handles, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle handle : handles) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception timedOut) {
                return false;
            }
        }
        return true;
    }
}
