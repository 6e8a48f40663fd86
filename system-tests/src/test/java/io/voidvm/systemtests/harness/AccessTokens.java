package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A bearer token from the real Keycloak, fetched again before it expires: the realm's access tokens live five
 * minutes, a benchmark run or the shared platform's life may take longer.
 */
public final class AccessTokens implements Supplier<String> {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);

    private final Supplier<String> fetch;
    private final String name;
    private String token;
    private long fetchedAt;

    private AccessTokens(Supplier<String> fetch, String name) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A user's token (password grant of the test client). */
    public AccessTokens(KeycloakTokens keycloak, VoidvmRealm.User user) {
        this(() -> keycloak.password(user), user.username());
    }

    /** A confidential client's token (client-credentials grant). */
    public static AccessTokens of(KeycloakTokens keycloak, VoidvmRealm.Client client) {
        return new AccessTokens(() -> keycloak.clientCredentials(client), client.clientId());
    }

    @Override
    public synchronized String get() {
        if (token == null || System.nanoTime() - fetchedAt > REFRESH_AFTER.toNanos()) {
            token = fetch.get();
            fetchedAt = System.nanoTime();
        }
        return token;
    }

    @Override
    public String toString() {
        return "AccessTokens[" + name + "]";
    }
}
