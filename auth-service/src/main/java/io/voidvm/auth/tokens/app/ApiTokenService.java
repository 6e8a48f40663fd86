package io.voidvm.auth.tokens.app;

import io.voidvm.auth.audit.app.AuditLog;
import io.voidvm.auth.audit.domain.AuditAction;
import io.voidvm.auth.config.AuthProperties;
import io.voidvm.auth.tokens.db.ApiTokenRepository;
import io.voidvm.auth.tokens.domain.ApiToken;
import io.voidvm.auth.tokens.domain.TokenEnd;
import io.voidvm.auth.tokens.domain.TokenLifetime;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * API tokens: create (secret shown once), list, revoke, and the sweep that deletes expired tokens' clients.
 * The Keycloak client is created before the row and deleted again if the row cannot be written, so a failure
 * never leaves a working secret that auth-service does not know about.
 */
@Service
public class ApiTokenService {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenService.class);
    private static final String TOKEN = "token";
    private static final int SECRET_BYTES = 32;
    private static final int SWEEP_BATCH = 100;

    private final ApiTokenRepository tokens;
    private final ApiClientRegistry clients;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenLifetime lifetime;
    private final int maxPerUser;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, ApiClientRegistry clients, AuditLog audit, Clock clock,
                           AuthProperties properties) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = new TokenLifetime(properties.apiTokens().defaultLifetime(),
                properties.apiTokens().maxLifetime());
        this.maxPerUser = properties.apiTokens().maxPerUser();
    }

    /**
     * @param viaApiToken whether the caller's own JWT was minted by an API token: such a caller may not create
     *                    more, or a leaked token could extend itself past its expiry
     */
    public Mono<CreatedApiToken> create(Caller caller, boolean viaApiToken, String name, Instant requestedExpiry) {
        return Mono.defer(() -> {
            if (viaApiToken) {
                return Mono.error(new ForbiddenException("an API token cannot create API tokens"));
            }
            String tenantId = caller.requireTenant();
            Instant now = clock.instant();
            Instant expiresAt = lifetime.expiresAt(requestedExpiry, now);
            UUID id = UUID.randomUUID();
            String secret = newSecret();
            ApiClientSpec spec = new ApiClientSpec(id, ApiToken.clientIdFor(id), secret, tenantId,
                    caller.subject(), name, expiresAt);
            return tokens.countLive(tenantId, caller.subject(), now)
                    .filter(live -> live < maxPerUser)
                    .switchIfEmpty(Mono.error(() -> new ConflictException("you already hold " + maxPerUser
                            + " live API tokens; revoke one first")))
                    .then(clients.register(spec))
                    .flatMap(internalId -> store(new ApiToken(id, tenantId, caller.subject(), name, spec.clientId(),
                            internalId, now, expiresAt, null, null)))
                    .flatMap(token -> audit.record(AuditAction.TOKEN_CREATED, caller.subject(), tenantId,
                                    token.id().toString(), "name=" + name + " client=" + token.clientId()
                                            + " expiresAt=" + expiresAt)
                            .thenReturn(new CreatedApiToken(token, secret)));
        });
    }

    public Mono<CursorPage<ApiToken>> list(Caller caller, PageRequest page) {
        return Mono.fromSupplier(caller::requireTenant)
                .flatMap(tenantId -> tokens.page(tenantId, caller.subject(), page));
    }

    /** The owner may revoke their token, an admin any token; anyone else gets 404. Revoking twice is fine. */
    public Mono<ApiToken> revoke(Caller caller, UUID id) {
        return tokens.find(id)
                .filter(token -> caller.isAdmin()
                        || token.tenantId().equals(caller.tenantId()) && token.ownerId().equals(caller.subject()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(TOKEN, id)))
                .flatMap(token -> token.endReason() != null
                        ? Mono.just(token)
                        : end(token, TokenEnd.REVOKED, caller.subject()));
    }

    /** Deletes the clients of tokens past their expiry; emits how many ended. */
    public Mono<Long> sweepExpired() {
        return tokens.expiredLive(clock.instant(), SWEEP_BATCH)
                .concatMap(token -> end(token, TokenEnd.EXPIRED, "auth-service")
                        .onErrorResume(error -> {
                            LOG.warn("could not end expired API token {} (will retry): {}", token.id(),
                                    error.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    private Mono<ApiToken> end(ApiToken token, TokenEnd reason, String actor) {
        Instant at = clock.instant();
        AuditAction action = switch (reason) {
            case REVOKED -> AuditAction.TOKEN_REVOKED;
            case EXPIRED -> AuditAction.TOKEN_EXPIRED;
        };
        return clients.remove(token.keycloakClientId())
                .then(tokens.markEnded(token.id(), reason, at))
                .flatMap(changed -> changed
                        ? audit.record(action, actor, token.tenantId(), token.id().toString(),
                                "name=" + token.name() + " client=" + token.clientId())
                        : Mono.empty())
                .then(tokens.find(token.id()));
    }

    private Mono<ApiToken> store(ApiToken token) {
        return tokens.insert(token)
                .onErrorResume(error -> clients.remove(token.keycloakClientId())
                        .onErrorResume(cleanup -> {
                            LOG.error("API token {}: row not stored and Keycloak client {} not deleted: {}",
                                    token.id(), token.clientId(), cleanup.toString());
                            return Mono.empty();
                        })
                        .then(Mono.error(error)));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
