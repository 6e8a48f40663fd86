package io.voidvm.auth.audit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit log. Never carries a secret: token secrets, passwords and OTP seeds stay out of
 * {@code detail} by construction (callers pass ids and names only).
 *
 * @param actor      who did it: a Keycloak user id, or the service itself for sweeps
 * @param tenantId   the tenant concerned, if any
 * @param target     what it was done to (a user id, token id, tenant id)
 * @param externalId Keycloak's event id for imported events, null otherwise
 */
public record AuditEntry(UUID id, Instant occurredAt, AuditSource source, AuditAction action, String actor,
                         String tenantId, String target, String detail, String externalId) {

    /** The longest {@code detail} stored; longer ones are cut. */
    public static final int MAX_DETAIL = 2000;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }
}
