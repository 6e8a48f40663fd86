package io.voidvm.storage.platform;

import io.voidvm.servicekit.platform.PlatformClient;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.storage.volume.app.TenantQuota;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service's quota API as the platform: {@code POST /internal/v1/quota-checks} before allocating and
 * {@code PUT /internal/v1/usage/{tenantId}} with the tenant's total after, which is what the next check counts.
 */
final class HttpTenantQuota implements TenantQuota {

    static final String DISK_GB = "diskGb";

    private final WebClient client;
    private final PlatformClient tokens;
    private final JsonMapper json;
    private final Duration timeout;

    HttpTenantQuota(WebClient client, PlatformClient tokens, JsonMapper json, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.json = Objects.requireNonNull(json, "json");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Void> requireRoom(String tenantId, long moreGb) {
        if (moreGb <= 0) {
            return Mono.empty();
        }
        return tokens.token()
                .flatMap(token -> client.post().uri("/internal/v1/quota-checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .bodyValue(Map.of("tenantId", tenantId, "requested", Map.of(DISK_GB, moreGb)))
                        .retrieve().toBodilessEntity())
                .timeout(timeout)
                .then()
                .onErrorMap(WebClientResponseException.class, e -> e.getStatusCode().value() == 409
                        ? exceeded(e, tenantId, moreGb) : Unavailable.of("auth-service", e))
                .onErrorMap(e -> !(e instanceof ResponseStatusException || e instanceof QuotaExceededException),
                        e -> Unavailable.of("auth-service", e));
    }

    @Override
    public Mono<Void> reportUsage(String tenantId, long totalGb) {
        return tokens.token()
                .flatMap(token -> client.put().uri("/internal/v1/usage/{tenantId}", tenantId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .bodyValue(Map.of(DISK_GB, totalGb))
                        .retrieve().toBodilessEntity())
                .timeout(timeout)
                .then();
    }

    private Throwable exceeded(WebClientResponseException e, String tenantId, long moreGb) {
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            Long limit = Json.number(problem, "limit");
            Long used = Json.number(problem, "used");
            return new QuotaExceededException(DISK_GB, limit == null ? 0 : limit, used == null ? 0 : used, moreGb);
        } catch (RuntimeException unreadable) {
            return new QuotaExceededException(DISK_GB, 0, 0, moreGb);
        }
    }
}
