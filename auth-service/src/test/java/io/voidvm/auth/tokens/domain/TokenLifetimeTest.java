package io.voidvm.auth.tokens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");
    private final TokenLifetime lifetime = new TokenLifetime(Duration.ofDays(90), Duration.ofDays(365));

    @Test
    void defaultsToTheDefaultLifetimeInWholeSeconds() {
        assertThat(lifetime.expiresAt(null, NOW)).isEqualTo(Instant.parse("2026-05-30T10:00:00Z"));
    }

    @Test
    void refusesThePastTheNextMinuteAndBeyondTheMaximum() {
        for (Instant bad : new Instant[] {NOW.minusSeconds(1), NOW.plusSeconds(30), NOW.plus(Duration.ofDays(366))}) {
            assertThatThrownBy(() -> lifetime.expiresAt(bad, NOW))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("expiresAt"));
        }
        assertThat(lifetime.expiresAt(NOW.plus(Duration.ofDays(365)), NOW)).isBefore(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void statusFollowsEndAndExpiry() {
        UUID id = UUID.randomUUID();
        ApiToken live = new ApiToken(id, "acme", "u1", "ci", ApiToken.clientIdFor(id), "kc-1", NOW,
                NOW.plusSeconds(60), null, null);
        assertThat(live.status(NOW)).isEqualTo(TokenStatus.ACTIVE);
        assertThat(live.status(NOW.plusSeconds(60))).isEqualTo(TokenStatus.EXPIRED);
        ApiToken revoked = new ApiToken(id, "acme", "u1", "ci", live.clientId(), "kc-1", NOW, NOW.plusSeconds(60),
                NOW, TokenEnd.REVOKED);
        assertThat(revoked.status(NOW)).isEqualTo(TokenStatus.REVOKED);
        assertThat(live.clientId()).isEqualTo("voidvm-token-" + id);
    }
}
