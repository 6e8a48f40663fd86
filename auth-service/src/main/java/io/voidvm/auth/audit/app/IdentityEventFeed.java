package io.voidvm.auth.audit.app;

import io.voidvm.auth.audit.domain.IdentityEvent;
import java.time.Instant;
import reactor.core.publisher.Flux;

/** Login events the identity provider recorded (Keycloak's events API, behind this narrow port). */
public interface IdentityEventFeed {

    /** Security-relevant events ({@link IdentityEvent#SECURITY_TYPES}) at or after {@code from}, oldest first. */
    Flux<IdentityEvent> since(Instant from);
}
