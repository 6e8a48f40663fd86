package io.voidvm.auth.tokens.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a new token expires: the requested instant, or the default lifetime; never in the past, never beyond the
 * maximum lifetime. Whole seconds, because Keycloak stores the secret's expiry in seconds.
 */
public record TokenLifetime(Duration defaultLifetime, Duration maxLifetime) {

    /** A token must live at least this long, so a typo does not mint one that is dead on arrival. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);

    public TokenLifetime {
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
    }

    /** @throws InvalidRequestException naming {@code expiresAt} */
    public Instant expiresAt(Instant requested, Instant now) {
        Instant expiry = (requested == null ? now.plus(defaultLifetime) : requested).truncatedTo(ChronoUnit.SECONDS);
        if (expiry.isBefore(now.plus(MIN_LIFETIME))) {
            throw new InvalidRequestException("expiresAt", "must be at least " + MIN_LIFETIME.toMinutes()
                    + " minute in the future");
        }
        if (expiry.isAfter(now.plus(maxLifetime))) {
            throw new InvalidRequestException("expiresAt", "must be at most " + maxLifetime.toDays()
                    + " days in the future");
        }
        return expiry;
    }
}
