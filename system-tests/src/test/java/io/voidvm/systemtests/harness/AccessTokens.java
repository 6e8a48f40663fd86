package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A user's bearer token from the real Keycloak (password grant of the test client), fetched again before it
 * expires: the realm's access tokens live five minutes, a benchmark run may take longer.
 */
public final class AccessTokens implements Supplier<String> {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);

    private final KeycloakTokens keycloak;
    private final VoidvmRealm.User user;
    private String token;
    private long fetchedAt;

    public AccessTokens(KeycloakTokens keycloak, VoidvmRealm.User user) {
        this.keycloak = Objects.requireNonNull(keycloak, "keycloak");
        this.user = Objects.requireNonNull(user, "user");
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - fetchedAt > REFRESH_AFTER.toNanos()) {
            token = keycloak.password(user);
            fetchedAt = System.nanoTime();
        }
        return token;
    }

    @Override
    public String toString() {
        return "AccessTokens[" + user.username() + "]";
    }
}
