package io.voidvm.auth.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.access.domain.Admins;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.audit.domain.AuditEntry;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/audit?limit=&cursor=&action=&tenantId=}: the audit log, newest first, admins only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = AuthApiDocs.AUDIT)
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @GetMapping
    @Operation(summary = "Read the audit log", description = AuthApiDocs.ADMIN_ONLY + " Newest first; filter by"
            + " `action` (e.g. TENANT_CREATED) and `tenantId`.")
    Mono<CursorPage<AuditView>> list(Caller caller, PageRequest page,
                                     @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String tenantId) {
        return Mono.fromSupplier(() -> Admins.require(caller))
                .flatMap(admin -> audit.page(page, action(action), tenantId))
                .map(entries -> entries.map(AuditView::of));
    }

    private static AuditAction action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        return Arrays.stream(AuditAction.values()).filter(candidate -> candidate.name().equals(action))
                .findFirst().orElseThrow(() -> new InvalidRequestException("action", "unknown audit action"));
    }

    record AuditView(UUID id, Instant occurredAt, String source, String action, String actor, String tenantId,
                     String target, String detail) {
        static AuditView of(AuditEntry entry) {
            return new AuditView(entry.id(), entry.occurredAt(), entry.source().key(), entry.action().name(),
                    entry.actor(), entry.tenantId(), entry.target(), entry.detail());
        }
    }
}
