package io.voidvm.auth.tokens.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.tokens.app.ApiClientRegistry;
import io.voidvm.auth.tokens.app.ApiTokenService;
import io.voidvm.auth.tokens.domain.ApiToken;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/tokens}: the caller's API tokens in their tenant. The create response is the only place the
 * secret ever appears; a client exchanges it at {@code tokenUrl} with the client-credentials grant.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = AuthApiDocs.API_TOKENS)
class TokenController {

    private final ApiTokenService service;
    private final Clock clock;
    private final String tokenUrl;

    TokenController(ApiTokenService service, Clock clock,
                    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri) {
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenUrl = issuerUri + "/protocol/openid-connect/token";
    }

    @PostMapping
    @Operation(summary = "Create an API token", description = "For the caller, in their tenant. The answer holds"
            + " the secret, shown this once; exchange it at `tokenUrl` with the client-credentials grant. 409 when"
            + " the caller has too many live tokens.")
    @ApiResponse(responseCode = "201", description = "Created; the secret is shown only in this answer",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<CreatedTokenView>> create(@Valid @RequestBody CreateTokenRequest body, Caller caller,
                                                  @AuthenticationPrincipal Jwt jwt) {
        boolean viaApiToken = jwt != null && jwt.hasClaim(ApiClientRegistry.TOKEN_ID_CLAIM);
        return service.create(caller, viaApiToken, body.name().strip(), body.expiresAt())
                .map(created -> ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id()))
                        .header("Cache-Control", "no-store")
                        .body(new CreatedTokenView(TokenView.of(created.token(), clock.instant()),
                                created.secret(), tokenUrl)));
    }

    @GetMapping
    @Operation(summary = "List the caller's API tokens", description = "Metadata only, never a secret.")
    Mono<CursorPage<TokenView>> list(Caller caller, PageRequest page) {
        Instant now = clock.instant();
        return service.list(caller, page).map(tokens -> tokens.map(token -> TokenView.of(token, now)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API token", description = "Deletes its client: the secret gets no new access"
            + " token. The owner may revoke their token, an admin any; revoking twice is fine.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    Mono<ResponseEntity<Void>> revoke(@PathVariable UUID id, Caller caller) {
        return service.revoke(caller, id).thenReturn(ResponseEntity.noContent().build());
    }

    record CreateTokenRequest(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    /** Metadata of a token; never its secret. */
    record TokenView(UUID id, String name, String tenantId, String clientId, String status, Instant createdAt,
                     Instant expiresAt, Instant endedAt) {
        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(token.id(), token.name(), token.tenantId(), token.clientId(),
                    token.status(now).name(), token.createdAt(), token.expiresAt(), token.endedAt());
        }
    }

    /** The create response: the token, its secret (shown this once) and where to exchange it. */
    record CreatedTokenView(TokenView token, String secret, String tokenUrl) {
        @Override
        public String toString() {
            return "CreatedTokenView[token=" + token + ", secret=***]";
        }
    }
}
