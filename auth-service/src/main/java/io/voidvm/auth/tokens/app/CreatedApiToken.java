package io.voidvm.auth.tokens.app;

import io.voidvm.auth.tokens.domain.ApiToken;
import java.util.Objects;

/**
 * A token just created, with its secret: the only object that ever holds both. It goes straight into the
 * create response and nowhere else.
 */
public record CreatedApiToken(ApiToken token, String secret) {

    public CreatedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedApiToken[token=" + token + ", secret=***]";
    }
}
