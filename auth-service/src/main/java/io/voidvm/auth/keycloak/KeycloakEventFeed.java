package io.voidvm.auth.keycloak;

import io.voidvm.auth.audit.app.IdentityEventFeed;
import io.voidvm.auth.audit.domain.IdentityEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Keycloak's user events of the security-relevant types, read oldest first in pages. */
@Component
class KeycloakEventFeed implements IdentityEventFeed {

    static final int PAGE = 100;
    /** Bounds one poll; the rest is read by the next one, from the newest imported event on. */
    static final int MAX_PAGES = 50;
    private static final String EVENTS = "events";

    private final RealmResource realm;

    KeycloakEventFeed(RealmResource realm) {
        this.realm = Objects.requireNonNull(realm, "realm");
    }

    @Override
    public Flux<IdentityEvent> since(Instant from) {
        String dateFrom = String.valueOf(from.toEpochMilli());
        return Flux.range(0, MAX_PAGES)
                .concatMap(page -> KeycloakCalls.call(EVENTS, dateFrom, () -> realm.getEvents(
                        IdentityEvent.SECURITY_TYPES, null, null, dateFrom, null, null, page * PAGE, PAGE, "asc"))
                        .defaultIfEmpty(List.of()))
                .takeUntil(events -> events.size() < PAGE)
                .concatMapIterable(events -> events)
                .filter(event -> event.getId() != null && event.getType() != null)
                .map(KeycloakEventFeed::toEvent);
    }

    static IdentityEvent toEvent(EventRepresentation event) {
        return new IdentityEvent(event.getId(), Instant.ofEpochMilli(event.getTime()), event.getType(),
                event.getUserId(), event.getClientId(), event.getIpAddress(), event.getError());
    }
}
