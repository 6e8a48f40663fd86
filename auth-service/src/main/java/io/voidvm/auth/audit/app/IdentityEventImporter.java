package io.voidvm.auth.audit.app;

import io.voidvm.auth.audit.db.AuditRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Copies Keycloak's login failures and lockouts into the audit log. Each poll re-reads a short overlap before
 * the newest imported event, because Keycloak's clock and ours may differ and events of the same millisecond
 * may arrive late; the unique Keycloak event id makes the overlap harmless.
 */
public class IdentityEventImporter {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityEventImporter.class);
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** How far back the very first poll looks (Keycloak keeps events for a week in our realm). */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private final IdentityEventFeed feed;
    private final AuditRepository repository;
    private final Clock clock;

    public IdentityEventImporter(IdentityEventFeed feed, AuditRepository repository, Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One poll; emits how many new entries were stored. */
    public Mono<Long> importNew() {
        return repository.latestImported()
                .map(latest -> latest.minus(OVERLAP))
                .defaultIfEmpty(clock.instant().minus(FIRST_LOOK_BACK))
                .flatMapMany(feed::since)
                .concatMap(event -> event.toAuditEntry(UUID.randomUUID())
                        .map(repository::appendOnce).orElse(Mono.just(false)))
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(stored -> {
                    if (stored > 0) {
                        LOG.info("imported {} Keycloak security events into the audit log", stored);
                    }
                });
    }
}
