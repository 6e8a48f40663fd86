package io.voidvm.auth.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityEventTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void loginFailuresAndLockoutsBecomeAuditEntriesKeyedByTheKeycloakEventId() {
        IdentityEvent failure = new IdentityEvent("ev-1", AT, "LOGIN_ERROR", "user-1", "voidvm-test", "127.0.0.1",
                "user_temporarily_disabled");
        AuditEntry entry = failure.toAuditEntry(UUID.randomUUID()).orElseThrow();
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
        assertThat(entry.source()).isEqualTo(AuditSource.KEYCLOAK);
        assertThat(entry.externalId()).isEqualTo("ev-1");
        assertThat(entry.target()).isEqualTo("user-1");
        assertThat(entry.detail()).contains("error=user_temporarily_disabled").contains("client=voidvm-test");

        IdentityEvent lockout = new IdentityEvent("ev-2", AT, "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "user-1", null,
                null, null);
        assertThat(lockout.toAuditEntry(UUID.randomUUID()).orElseThrow().action())
                .isEqualTo(AuditAction.USER_LOCKED_OUT);
    }

    @Test
    void otherEventsAreNotKept() {
        assertThat(new IdentityEvent("ev-3", AT, "LOGIN", "user-1", null, null, null)
                .toAuditEntry(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anOverlongDetailIsCut() {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), AT, AuditSource.AUTH_SERVICE, AuditAction.TENANT_CREATED,
                "me", null, null, "x".repeat(3000), null);
        assertThat(entry.detail()).hasSize(AuditEntry.MAX_DETAIL);
    }
}
