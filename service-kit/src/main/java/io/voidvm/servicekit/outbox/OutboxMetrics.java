package io.voidvm.servicekit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relay's meters: {@code voidvm.outbox.published}, {@code voidvm.outbox.failures},
 * {@code voidvm.outbox.purged}, and the gauges {@code voidvm.outbox.pending} and
 * {@code voidvm.outbox.oldest.age} (seconds the oldest unsent row has waited: the alert to watch).
 */
final class OutboxMetrics {

    private final Counter published;
    private final Counter failures;
    private final Counter purged;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Double> oldestAge = new AtomicReference<>(0.0);

    OutboxMetrics(MeterRegistry registry) {
        published = Counter.builder("voidvm.outbox.published").description("Outbox rows published to Kafka")
                .register(registry);
        failures = Counter.builder("voidvm.outbox.failures").description("Outbox rows whose publish failed")
                .register(registry);
        purged = Counter.builder("voidvm.outbox.purged").description("Sent outbox rows deleted after retention")
                .register(registry);
        Gauge.builder("voidvm.outbox.pending", pending, AtomicLong::get).description("Unsent outbox rows")
                .register(registry);
        Gauge.builder("voidvm.outbox.oldest.age", oldestAge, AtomicReference::get).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row").register(registry);
    }

    void published(long count) {
        published.increment(count);
    }

    void failed() {
        failures.increment();
    }

    void purged(long count) {
        purged.increment(count);
    }

    void backlog(OutboxStore.Backlog backlog) {
        pending.set(backlog.pending());
        oldestAge.set(backlog.oldestAgeSeconds());
    }

    double publishedCount() {
        return published.count();
    }

    double failureCount() {
        return failures.count();
    }
}
