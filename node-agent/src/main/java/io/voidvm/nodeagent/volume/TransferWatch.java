package io.voidvm.nodeagent.volume;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Guards one transfer of a blob body: when no byte has arrived for {@code readTimeout}, or the download's
 * {@code deadline} passes, it closes the body, which wakes a read blocked on the network (the JDK HTTP client's
 * body stream fails a blocked read when closed). A trickling server therefore cannot hold a volume's executor
 * beyond the deadline, and a silent one not beyond the read timeout. {@link #explain} and {@link #check} turn
 * what the read then sees into the right failure.
 */
final class TransferWatch implements AutoCloseable {

    /** The whole download ran past its deadline; not worth another attempt. */
    static final class DeadlineExceeded extends IOException {
        DeadlineExceeded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private enum Expiry { NONE, IDLE, DEADLINE }

    /** One timer thread for every download; it only closes streams. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final InputStream body;
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private final Duration overall;
    private volatile long lastProgress = System.nanoTime();
    private volatile Expiry expired = Expiry.NONE;
    private volatile long bytes;
    private ScheduledFuture<?> next;

    /**
     * @param deadlineNanos {@link System#nanoTime()} at which the whole download must be done
     * @param overall       the download's time limit, for messages
     */
    TransferWatch(InputStream body, Duration readTimeout, long deadlineNanos, Duration overall) {
        this.body = body;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.deadlineNanos = deadlineNanos;
        this.overall = overall;
        schedule();
    }

    /** Fails at once when the deadline has passed already. */
    static void checkDeadline(long deadlineNanos, Duration overall) throws DeadlineExceeded {
        if (System.nanoTime() - deadlineNanos >= 0) {
            throw new DeadlineExceeded("the download did not finish within " + overall, null);
        }
    }

    /** The body, counting progress. */
    InputStream stream() {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                progressed(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                progressed(n);
                return n;
            }
        };
    }

    /** What a failed read means: the deadline, the read timeout, or the failure itself. */
    IOException explain(IOException failure) {
        return switch (expired) {
            case DEADLINE -> new DeadlineExceeded("the download did not finish within " + overall + " (" + bytes
                    + " bytes in this attempt)", failure);
            case IDLE -> new IOException("no data for " + Duration.ofNanos(readTimeoutNanos) + " after " + bytes
                    + " bytes", failure);
            case NONE -> failure;
        };
    }

    /** After a read that ended normally: a closed stream may look like the end of the body. */
    void check() throws IOException {
        if (expired != Expiry.NONE) {
            throw explain(new IOException("transfer cut off"));
        }
    }

    @Override
    public synchronized void close() {
        if (next != null) {
            next.cancel(false);
        }
        next = null;
    }

    private void progressed(int n) {
        if (n > 0) {
            bytes += n;
            lastProgress = System.nanoTime();
        }
    }

    private synchronized void schedule() {
        long now = System.nanoTime();
        long wake = Math.min(lastProgress + readTimeoutNanos, deadlineNanos);
        next = TIMER.schedule(this::watch, Math.max(0, wake - now), TimeUnit.NANOSECONDS);
    }

    private void watch() {
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
            expire(Expiry.DEADLINE);
        } else if (now - lastProgress >= readTimeoutNanos) {
            expire(Expiry.IDLE);
        } else {
            synchronized (this) {
                if (next != null) {
                    schedule();
                }
            }
        }
    }

    private void expire(Expiry why) {
        synchronized (this) {
            if (next == null) {
                return;
            }
            next = null;
        }
        expired = why;
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            // the read it wakes reports the failure
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("download-watch").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
