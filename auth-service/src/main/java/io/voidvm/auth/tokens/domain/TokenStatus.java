package io.voidvm.auth.tokens.domain;

/** What a token's holder can expect: ACTIVE mints access tokens, the others no longer do. */
public enum TokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
