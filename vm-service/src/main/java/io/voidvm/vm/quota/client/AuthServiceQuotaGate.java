package io.voidvm.vm.quota.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.quota.app.QuotaGate;
import io.voidvm.vm.quota.domain.QuotaUnavailableException;
import io.voidvm.vm.quota.domain.Resources;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link QuotaGate} over auth-service's internal API, called as the platform (the WebClient carries the
 * client-credentials token). Each call has a time limit and goes through a circuit breaker, so a dead
 * auth-service costs a create one quick 503 instead of a hanging request. A refusal (409) is an answer, not a
 * failure: it never opens the breaker.
 */
public final class AuthServiceQuotaGate implements QuotaGate {

    static final String QUOTA_CHECKS = "/internal/v1/quota-checks";
    static final String USAGE = "/internal/v1/usage/{tenantId}";

    private final WebClient authService;
    private final CircuitBreaker breaker;
    private final Duration timeout;

    public AuthServiceQuotaGate(WebClient authService, CircuitBreaker breaker, Duration timeout) {
        this.authService = Objects.requireNonNull(authService, "authService");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Void> admit(String tenantId, Resources inUse, Resources requested) {
        Mono<Void> check = authService.post().uri(QUOTA_CHECKS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "requested", amounts(requested)))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : refusal(response));
        return guarded(put(tenantId, inUse).then(check));
    }

    @Override
    public Mono<Void> report(String tenantId, Resources inUse) {
        return guarded(put(tenantId, inUse));
    }

    private Mono<Void> put(String tenantId, Resources inUse) {
        return authService.put().uri(USAGE, tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(amounts(inUse))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : unexpected(response));
    }

    private Mono<Void> guarded(Mono<Void> call) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(error -> !(error instanceof QuotaExceededException
                        || error instanceof QuotaUnavailableException), AuthServiceQuotaGate::unavailable);
    }

    /** 409 {@code quota-exceeded} carries quota, limit, used and requested; anything else is unexpected. */
    @SuppressWarnings("unchecked")
    private static Mono<Void> refusal(ClientResponse response) {
        if (response.statusCode().value() != HttpStatus.CONFLICT.value()) {
            return unexpected(response);
        }
        return response.bodyToMono(Map.class).flatMap(body -> {
            Map<String, Object> problem = (Map<String, Object>) body;
            if (!"quota-exceeded".equals(problem.get("code")) || !(problem.get("quota") instanceof String quota)) {
                return Mono.error(new QuotaUnavailableException(
                        "auth-service answered the quota check with an unexpected conflict", null));
            }
            return Mono.error(new QuotaExceededException(quota, number(problem, "limit"), number(problem, "used"),
                    number(problem, "requested")));
        });
    }

    private static Mono<Void> unexpected(ClientResponse response) {
        int status = response.statusCode().value();
        return response.releaseBody().then(Mono.error(new QuotaUnavailableException(
                "the quota check failed: auth-service answered " + status, null)));
    }

    private static Throwable unavailable(Throwable error) {
        String why = switch (error) {
            case CallNotPermittedException open -> "auth-service failed repeatedly and is not asked for a while";
            case TimeoutException slow -> "auth-service did not answer in time";
            default -> "auth-service cannot be reached";
        };
        return new QuotaUnavailableException("the quota cannot be checked now (" + why + "); try again later",
                error);
    }

    private static long number(Map<String, Object> problem, String key) {
        return problem.get(key) instanceof Number number ? number.longValue() : 0;
    }

    private static Map<String, Long> amounts(Resources resources) {
        return Map.of("vms", resources.vms(), "vcpus", resources.vcpus(), "memoryMb", resources.memoryMb());
    }
}
