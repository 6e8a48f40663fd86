package io.voidvm.auth.tokens.app;

import reactor.core.publisher.Mono;

/** Creates and deletes the identity provider's clients that back API tokens. */
public interface ApiClientRegistry {

    /** Token claim naming the API token, so services (and auth-service) can tell a token-minted JWT. */
    String TOKEN_ID_CLAIM = "voidvm_token_id";

    /**
     * Creates a confidential client for client-credentials grants whose tokens carry the spec's tenant, the
     * {@code user} role, the API audience and {@link #TOKEN_ID_CLAIM}; its secret stops working at expiry.
     *
     * @return the identity provider's internal id of the client
     */
    Mono<String> register(ApiClientSpec spec);

    /** Deletes the client; a client that is already gone is not an error. */
    Mono<Void> remove(String internalClientId);
}
