package io.voidvm.contracts.envelope;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * UUIDv7 (RFC 9562) generator: 48-bit Unix milliseconds, then a 12-bit counter in {@code rand_a}
 * (RFC 9562 section 6.2, method 1), then 62 random bits. Ids from one generator are strictly increasing
 * even within one millisecond or when the clock steps back, which keeps outbox and dedupe tables
 * append-mostly in their indexes.
 */
public final class MessageIds {

    private static final long MAX_TIMESTAMP = (1L << 48) - 1;
    private static final int MAX_COUNTER = 0xFFF;
    /** Counters start in the lower half so at least 2048 ids fit in a millisecond before borrowing. */
    private static final int COUNTER_SEED_BOUND = 1 << 11;

    private final Clock clock;
    private final RandomGenerator random;
    /** A lock, not synchronized: callers may be virtual threads, and SecureRandom can read a device. */
    private final ReentrantLock lock = new ReentrantLock();
    private long lastMillis = -1;
    private int counter;

    public MessageIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    public MessageIds(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public UUID next() {
        long now = clock.millis();
        if (now < 0 || now > MAX_TIMESTAMP) {
            throw new IllegalStateException("clock out of UUIDv7 range: " + now);
        }
        long msb;
        long lsb;
        lock.lock();
        try {
            if (now > lastMillis) {
                lastMillis = now;
                counter = random.nextInt(COUNTER_SEED_BOUND);
            } else if (counter < MAX_COUNTER) {
                counter++;
            } else {
                // Counter exhausted (or clock went back): borrow the next millisecond to stay monotonic.
                lastMillis++;
                counter = random.nextInt(COUNTER_SEED_BOUND);
            }
            msb = (lastMillis << 16) | 0x7000L | counter;
            lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        } finally {
            lock.unlock();
        }
        return new UUID(msb, lsb);
    }

    /** The creation time embedded in a UUIDv7, to millisecond precision. */
    public static Instant timestampOf(UUID id) {
        if (id.version() != 7 || id.variant() != 2) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
