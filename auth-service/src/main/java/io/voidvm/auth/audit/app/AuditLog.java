package io.voidvm.auth.audit.app;

import io.voidvm.auth.audit.db.AuditRepository;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.audit.domain.AuditEntry;
import io.voidvm.auth.audit.domain.AuditSource;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Writes what auth-service did to the audit log. Every entry is also logged, so an operator without database
 * access still sees admin actions in the service's structured log.
 */
@Service
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param actor    who did it (a token's subject, or {@code auth-service} for its own sweeps)
     * @param tenantId the tenant concerned, null when none
     * @param target   what was acted on
     * @param detail   ids and names only, never a secret
     */
    public Mono<Void> record(AuditAction action, String actor, String tenantId, String target, String detail) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), clock.instant(), AuditSource.AUTH_SERVICE, action,
                actor, tenantId, target, detail, null);
        return repository.append(entry)
                .doOnSuccess(done -> LOG.info("audit {} by {} on {} (tenant {}): {}", action, actor, target,
                        tenantId, detail));
    }

    public Mono<CursorPage<AuditEntry>> page(PageRequest page, AuditAction action, String tenantId) {
        return repository.page(page, action, tenantId);
    }
}
