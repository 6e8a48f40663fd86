package io.voidvm.image.quota;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.voidvm.image.catalog.app.ImageQuotas;
import io.voidvm.image.catalog.app.TenantQuota;
import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.image.catalog.domain.ImageUsage;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link TenantQuota} over auth-service's internal API. Each call has a time limit and goes through the
 * {@code auth-service} circuit breaker; a refusal (409 {@code quota-exceeded}) or another 4xx is an answer and never
 * opens it. Anything that goes wrong, an open breaker included, means "cannot tell" (503 naming auth-service).
 * The allowed answer lists used and limit per resource, which is where the {@code imageGb} limit of a stream of
 * unknown size comes from.
 */
final class AuthServiceTenantQuota implements TenantQuota {

    static final String QUOTA_CHECKS = "/internal/v1/quota-checks";
    static final String USAGE = "/internal/v1/usage/{tenantId}";
    private static final Logger log = LoggerFactory.getLogger(AuthServiceTenantQuota.class);

    private final WebClient authService;
    private final CircuitBreaker breaker;
    private final Duration timeout;

    AuthServiceTenantQuota(WebClient authService, CircuitBreaker breaker, Duration timeout) {
        this.authService = Objects.requireNonNull(authService, "authService");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Long> admit(String tenantId, ImageUsage inUse, long moreImages, long moreGb) {
        Mono<Long> check = authService.post().uri(QUOTA_CHECKS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "requested",
                        Map.of(ImageQuotas.IMAGES, moreImages, ImageQuotas.IMAGE_GB, moreGb)))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(CheckAnswer.class).map(AuthServiceTenantQuota::imageGbLimit)
                        : refusal(response));
        return guarded(put(tenantId, inUse).then(check), tenantId);
    }

    @Override
    public Mono<Void> report(String tenantId, ImageUsage inUse) {
        return guarded(put(tenantId, inUse), tenantId);
    }

    private Mono<Void> put(String tenantId, ImageUsage inUse) {
        return authService.put().uri(USAGE, tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(ImageQuotas.IMAGES, inUse.images(), ImageQuotas.IMAGE_GB, inUse.gb()))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : unexpected(response));
    }

    private <T> Mono<T> guarded(Mono<T> call, String tenantId) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(error -> !isAnswer(error), error -> {
                    log.warn("tenantId={} image quota call to auth-service failed: {}", tenantId, error.toString());
                    return new ImageRefusal.QuotaUnknown(switch (error) {
                        case CallNotPermittedException open ->
                                "auth-service failed repeatedly and is not asked for a while";
                        case TimeoutException slow -> "auth-service did not answer in time";
                        case Failed failed -> failed.getMessage();
                        default -> "auth-service cannot be reached";
                    });
                });
    }

    /** Whether the error is auth-service's answer (a refusal, a 4xx, a 2xx without the limit), not its failure. */
    static boolean isAnswer(Throwable error) {
        return error instanceof QuotaExceededException || error instanceof ImageRefusal;
    }

    private static long imageGbLimit(CheckAnswer answer) {
        if (answer.resources() != null) {
            for (ResourceAnswer resource : answer.resources()) {
                if (ImageQuotas.IMAGE_GB.equals(resource.resource()) && resource.limit() != null) {
                    return resource.limit();
                }
            }
        }
        throw new ImageRefusal.QuotaUnknown("auth-service did not state the imageGb limit");
    }

    /** 409 {@code quota-exceeded} carries quota, limit, used and requested; anything else is unexpected. */
    private static <T> Mono<T> refusal(ClientResponse response) {
        if (response.statusCode().value() != 409) {
            return unexpected(response);
        }
        return response.bodyToMono(Refusal.class).flatMap(problem -> {
            if (!"quota-exceeded".equals(problem.code()) || problem.quota() == null) {
                return Mono.error(new ImageRefusal.QuotaUnknown("auth-service answered with an unexpected conflict"));
            }
            return Mono.error(new QuotaExceededException(problem.quota(), orZero(problem.limit()),
                    orZero(problem.used()), orZero(problem.requested())));
        });
    }

    /** A 4xx is an answer (503 all the same, but the breaker ignores it); a 5xx or anything else a failure. */
    private static <T> Mono<T> unexpected(ClientResponse response) {
        int status = response.statusCode().value();
        String why = "auth-service answered " + status;
        return response.releaseBody().then(Mono.error(response.statusCode().is4xxClientError()
                ? new ImageRefusal.QuotaUnknown(why) : new Failed(why)));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** auth-service answered with a failure (5xx): counts against the breaker. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckAnswer(List<ResourceAnswer> resources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResourceAnswer(String resource, Long used, Long limit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refusal(String code, String quota, Long limit, Long used, Long requested) {
    }
}
