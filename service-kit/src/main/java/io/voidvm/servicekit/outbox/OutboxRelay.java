package io.voidvm.servicekit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Moves outbox rows to Kafka: claim a batch, publish it, wait for the acks, mark the rows sent, commit; then
 * again at once if the batch was full, else after the poll interval or a NOTIFY, whichever comes first.
 *
 * <p>Per-key order holds with any number of relay replicas. The plain {@code FOR UPDATE SKIP LOCKED} claim
 * does not give that: replica B would skip the rows of key K that replica A holds and take K's later rows.
 * Instead a relay takes a transaction-scoped advisory lock per key ({@code pg_try_advisory_xact_lock}) and
 * skips keys another relay holds, then reads the rows of the keys it locked in a fresh statement, so it sees
 * everything the previous holder marked sent. Only one relay publishes a key at a time, in id order, and it
 * releases the key only after the acks are in and the sent marks committed. A key whose oldest unsent row is
 * backing off after a failure is skipped entirely, so a later row never overtakes a failed one.
 *
 * <p>Delivery is at-least-once: if the process dies after the broker acknowledged a batch but before the
 * commit, the batch is published again (consumers dedupe by {@code messageId}). Likewise when the producer
 * reports one record failed after a later record of the same key was acknowledged, the later one is published
 * again after the retry. The long {@code delivery.timeout.ms} keeps that to outages longer than the timeout.
 */
public final class OutboxRelay implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);
    private static final int PURGE_CHUNK = 10_000;
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final String name;
    private final OutboxStore store;
    private final TransactionalOperator transactions;
    private final KafkaOutboxSender sender;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private Instant nextBacklogRefresh = Instant.MIN;
    private Instant nextPurge = Instant.MIN;

    OutboxRelay(String name, OutboxStore store, TransactionalOperator transactions, KafkaOutboxSender sender,
                OutboxProperties properties, OutboxMetrics metrics, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Makes the relay look for rows now instead of at the next poll. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
        }
        wakeUp();
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(10));
            if (thread.isAlive()) {
                // a batch is waiting on a broker that is down: give up on it, its rows stay unsent
                sender.abort();
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the relay and closes its producer; Spring calls this when the context closes. */
    @Override
    public void close() {
        stop();
        sender.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // starts after and stops before the web server (DEFAULT_PHASE - 2048) and its graceful shutdown
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void loop() {
        Duration errorDelay = properties.backoff().initial();
        while (running) {
            try {
                int claimed = relayBatch();
                housekeeping();
                errorDelay = properties.backoff().initial();
                if (claimed < properties.batchSize()) {
                    awaitWakeUp(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("outbox relay {} failed; retrying in {}", name, errorDelay, e);
                awaitWakeUp(errorDelay);
                errorDelay = min(errorDelay.multipliedBy(2), properties.backoff().max());
            }
        }
    }

    /** One claim-publish-commit cycle; returns the number of rows claimed. */
    int relayBatch() {
        Mono<Integer> batch = store.claim(properties.batchSize())
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : Mono.fromCallable(() -> sender.publish(rows))
                        // the producer may block; never on an R2DBC event-loop thread
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(outcomes -> record(rows, outcomes))
                        .thenReturn(rows.size()));
        Integer claimed = transactions.transactional(batch).block();
        return claimed == null ? 0 : claimed;
    }

    /** Marks each key's acknowledged prefix sent; a key's first failure backs off, the rest wait for it. */
    private Mono<Void> record(List<OutboxRow> rows, List<PublishOutcome> outcomes) {
        List<Long> sent = new ArrayList<>();
        List<Mono<Long>> failures = new ArrayList<>();
        Set<String> blockedKeys = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            if (blockedKeys.contains(row.key())) {
                continue;
            }
            switch (outcomes.get(i)) {
                case PublishOutcome.Sent s -> sent.add(row.id());
                case PublishOutcome.Failed failed -> {
                    blockedKeys.add(row.key());
                    failures.add(markFailed(row, failed.cause()));
                }
                case PublishOutcome.Skipped s -> blockedKeys.add(row.key());
            }
        }
        return store.markSent(sent)
                .doOnNext(metrics::published)
                .thenMany(Flux.concat(failures))
                .then();
    }

    private Mono<Long> markFailed(OutboxRow row, Throwable cause) {
        int attempts = row.attempts() + 1;
        Duration retryAfter = properties.backoff().delayAfter(attempts);
        String error = describe(cause);
        metrics.failed();
        log.warn("outbox message {} (topic {}, key {}) failed attempt {}; retrying in {}: {}",
                row.messageId(), row.topic(), row.key(), attempts, retryAfter, error);
        return store.markFailed(row.id(), error, retryAfter);
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (!now.isBefore(nextBacklogRefresh)) {
            nextBacklogRefresh = now.plus(BACKLOG_REFRESH);
            store.backlog().doOnNext(metrics::backlog).block();
        }
        if (!now.isBefore(nextPurge)) {
            nextPurge = now.plus(properties.purgeInterval());
            Long purged = store.purgeChunk(properties.retention(), PURGE_CHUNK)
                    .expand(deleted -> deleted < PURGE_CHUNK ? Mono.empty()
                            : store.purgeChunk(properties.retention(), PURGE_CHUNK))
                    .reduce(0L, Long::sum)
                    .block();
            if (purged != null && purged > 0) {
                metrics.purged(purged);
                log.info("outbox relay {} purged {} sent rows older than {}", name, purged, properties.retention());
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The most specific cause: Spring Kafka wraps the producer's exception in a generic "Send failed". */
    private static String describe(Throwable error) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
