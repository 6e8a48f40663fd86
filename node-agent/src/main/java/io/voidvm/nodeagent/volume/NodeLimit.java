package io.voidvm.nodeagent.volume;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node-wide cap on one kind of volume work (image downloads, {@code qemu-img} runs): at most {@code running} at
 * once, at most {@code waiting} more waiting for a slot (first come, first served), each for at most
 * {@code maxWait}. Work that finds every waiting place taken, or waits longer, fails with {@link VolumeFailure}
 * {@value VolumeFailure#AGENT_BUSY} naming the setting: nothing was done, the command may be sent again, and no
 * volume's executor waits for ever. Volumes run on virtual threads of their own, so this, not a thread pool, is
 * what keeps a burst of commands from running a hundred {@code qemu-img} at once.
 */
final class NodeLimit {

    private static final Logger log = LoggerFactory.getLogger(NodeLimit.class);

    /** A slot held; closing it frees the slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final String kind;
    private final String setting;
    private final int running;
    private final int waiting;
    private final Duration maxWait;
    private final Semaphore slots;
    private final AtomicInteger waiters = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param kind    what is limited, for messages and the metrics' {@code kind} tag (e.g. {@code image-download})
     * @param setting the setting that sets {@code running}, named in failures
     */
    NodeLimit(String kind, String setting, int running, int waiting, Duration maxWait) {
        if (running < 1 || waiting < 0) {
            throw new IllegalArgumentException(kind + ": running must be positive and waiting not negative, got "
                    + running + " and " + waiting);
        }
        this.kind = Objects.requireNonNull(kind, "kind");
        this.setting = Objects.requireNonNull(setting, "setting");
        this.running = running;
        this.waiting = waiting;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.slots = new Semaphore(running, true);
    }

    /** Image downloads ({@code max-concurrent-downloads}, {@code max-waiting-downloads}). */
    static NodeLimit downloads(int running, int waiting, Duration maxWait) {
        return new NodeLimit("image-download", "voidvm.nodeagent.volumes.max-concurrent-downloads", running, waiting,
                maxWait);
    }

    /** {@code qemu-img} runs ({@code max-concurrent-disk-tools}, {@code max-waiting-disk-tools}). */
    static NodeLimit diskTools(int running, int waiting, Duration maxWait) {
        return new NodeLimit("disk-tool", "voidvm.nodeagent.volumes.max-concurrent-disk-tools", running, waiting,
                maxWait);
    }

    /** Takes a slot for {@code work}, waiting (bounded) if all are taken; throws AGENT_BUSY when it cannot. */
    Slot acquire(String work) {
        if (!slots.tryAcquire()) {
            if (waiters.incrementAndGet() > waiting) {
                waiters.decrementAndGet();
                throw busy(work, running + " " + kind + "s run on this node and " + waiting
                        + " more wait already");
            }
            try {
                if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy(work, "no " + kind + " slot came free within " + maxWait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy(work, "interrupted while waiting for a " + kind + " slot");
            } finally {
                waiters.decrementAndGet();
            }
        }
        return new Slot() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    slots.release();
                }
            }
        };
    }

    int inUse() {
        return running - slots.availablePermits();
    }

    int waiting() {
        return waiters.get();
    }

    long refused() {
        return refused.get();
    }

    /** Gauges of the slots in use and the work waiting, and a counter of refusals, tagged {@code kind}. */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("voidvm.nodeagent.work.running", this, NodeLimit::inUse).tag("kind", kind)
                .description("Volume work of this kind running on the node").register(registry);
        Gauge.builder("voidvm.nodeagent.work.waiting", this, NodeLimit::waiting).tag("kind", kind)
                .description("Volume work of this kind waiting for a slot").register(registry);
        Gauge.builder("voidvm.nodeagent.work.limit", this, limit -> limit.running).tag("kind", kind)
                .description("Slots for volume work of this kind").register(registry);
        FunctionCounter.builder("voidvm.nodeagent.work.refused", this, limit -> limit.refused()).tag("kind", kind)
                .description("Volume work of this kind refused AGENT_BUSY").register(registry);
    }

    private VolumeFailure busy(String work, String why) {
        refused.incrementAndGet();
        String message = work + " refused: " + why + " (" + setting + "=" + running + "); try again later";
        log.warn("{}", message);
        return new VolumeFailure(VolumeFailure.AGENT_BUSY, message);
    }
}
