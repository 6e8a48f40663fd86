package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.spec.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Whether a VM whose QEMU went away is started again, and a budget that stops a crash loop: a guest that
 * panics at every boot would otherwise keep a core busy forever. Also the reasons the status events give, so
 * that a tenant sees which restart of how many it was, or that the budget ran out.
 */
public final class RestartRules {

    private final int maxRestarts;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public RestartRules(int maxRestarts, Duration window) {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative, got " + maxRestarts);
        }
        this.maxRestarts = maxRestarts;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The policy alone: exits the agent asked for never count. */
    public static boolean policyRestarts(RestartPolicy policy, ExitCause cause) {
        if (cause.requested()) {
            return false;
        }
        return switch (policy) {
            case ALWAYS -> true;
            case ON_FAILURE -> !cause.clean();
            case NEVER -> false;
        };
    }

    /** Takes one restart from the budget if the window still has room; not thread-safe (one VM, one thread). */
    public boolean tryRestart(Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxRestarts) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** After {@link #tryRestart} said yes: "restarted by restart policy ALWAYS (restart 1 of 3 within 10m)". */
    public String restarted(RestartPolicy policy) {
        return "restarted by restart policy " + policy + " (restart " + recent.size() + " of " + maxRestarts
                + " within " + human(window) + ")";
    }

    /** After {@link #tryRestart} said no. */
    public String notRestarted(RestartPolicy policy) {
        return "not restarted: restart policy " + policy + " allows " + maxRestarts + " restarts within "
                + human(window) + ", all used";
    }

    /** "10m", "1h", "90s", "1h30m", "250ms": the way settings are written. */
    static String human(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }
}
