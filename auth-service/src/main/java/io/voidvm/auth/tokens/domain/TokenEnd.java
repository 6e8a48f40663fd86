package io.voidvm.auth.tokens.domain;

/** Why a token's Keycloak client was deleted. */
public enum TokenEnd {
    REVOKED,
    EXPIRED
}
