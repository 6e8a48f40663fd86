package io.voidvm.nodeagent.qmp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One session's event delivery: a buffer of at most {@code capacity} events between the reader thread and one
 * virtual delivery thread, so that a listener that blocks never blocks the reader (replies keep flowing) and a
 * QEMU that floods events never grows memory without bound.
 *
 * <p>When the buffer is full, an arriving event is dropped, not queued: consecutive drops become one gap, which
 * takes its place in the stream and reaches the listeners as {@link QmpListener#onEventsDropped} between the
 * events before and after it. So at most {@code 2 * capacity + 1} entries are held, and the end of the session
 * is always delivered, last, after everything buffered before it.
 */
final class EventDispatch {

    private sealed interface Entry permits Delivery, Gap {
    }

    private record Delivery(QmpEvent event) implements Entry {
    }

    private static final class Gap implements Entry {
        private long dropped = 1;
    }

    private final String name;
    private final int capacity;
    private final Consumer<QmpEvent> deliver;
    private final LongConsumer gap;
    private final Runnable end;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Entry> entries = new ArrayDeque<>();
    private int bufferedEvents;
    private long droppedEvents;
    private boolean ended;
    private boolean started;

    EventDispatch(String name, int capacity, Consumer<QmpEvent> deliver, LongConsumer gap, Runnable end) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event buffer capacity must be positive, got " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
        this.deliver = deliver;
        this.gap = gap;
        this.end = end;
    }

    /** From the reader thread; never blocks. Ignored once the session ended. */
    void offer(QmpEvent event) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            if (bufferedEvents < capacity) {
                entries.addLast(new Delivery(event));
                bufferedEvents++;
            } else {
                droppedEvents++;
                if (entries.peekLast() instanceof Gap open) {
                    open.dropped++;
                } else {
                    entries.addLast(new Gap());
                }
            }
            startOnce();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Any thread, once: the end is delivered after every entry buffered before it. */
    void end() {
        lock.lock();
        try {
            ended = true;
            startOnce();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    int bufferedEvents() {
        lock.lock();
        try {
            return bufferedEvents;
        } finally {
            lock.unlock();
        }
    }

    long droppedEvents() {
        lock.lock();
        try {
            return droppedEvents;
        } finally {
            lock.unlock();
        }
    }

    private void startOnce() {
        if (!started) {
            started = true;
            Thread.ofVirtual().name("qmp-events-" + name).start(this::deliverAll);
        }
    }

    private void deliverAll() {
        while (true) {
            Entry next;
            lock.lock();
            try {
                while (entries.isEmpty() && !ended) {
                    changed.awaitUninterruptibly();
                }
                if (entries.isEmpty()) {
                    break;
                }
                next = entries.removeFirst();
                if (next instanceof Delivery) {
                    bufferedEvents--;
                }
            } finally {
                lock.unlock();
            }
            switch (next) {
                case Delivery delivery -> deliver.accept(delivery.event());
                case Gap dropped -> gap.accept(dropped.dropped);
            }
        }
        end.run();
    }
}
