package io.voidvm.auth.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A login event as Keycloak recorded it, reduced to what the audit log keeps.
 *
 * @param id     Keycloak's event id (stable across reads)
 * @param type   Keycloak's event type, e.g. {@code LOGIN_ERROR}
 * @param error  Keycloak's error code, e.g. {@code invalid_user_credentials}, {@code user_temporarily_disabled}
 */
public record IdentityEvent(String id, Instant time, String type, String userId, String clientId,
                            String ipAddress, String error) {

    public IdentityEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
    }

    /** The audit action for a security-relevant event type, empty for any other. */
    public Optional<AuditAction> auditAction() {
        return switch (type) {
            case "LOGIN_ERROR", "CLIENT_LOGIN_ERROR" -> Optional.of(AuditAction.LOGIN_FAILED);
            case "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT" ->
                    Optional.of(AuditAction.USER_LOCKED_OUT);
            default -> Optional.empty();
        };
    }

    /** Event types worth importing; the feed asks Keycloak for these only. */
    public static final List<String> SECURITY_TYPES = List.of("LOGIN_ERROR",
            "CLIENT_LOGIN_ERROR", "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT");

    /** The audit entry for this event, if it is one worth keeping. */
    public Optional<AuditEntry> toAuditEntry(UUID entryId) {
        return auditAction().map(action -> new AuditEntry(entryId, time, AuditSource.KEYCLOAK, action,
                userId == null ? "unknown" : userId, null, userId,
                "type=" + type + (error == null ? "" : " error=" + error)
                        + (clientId == null ? "" : " client=" + clientId)
                        + (ipAddress == null ? "" : " ip=" + ipAddress),
                id));
    }
}
