package io.voidvm.image.quota;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * {@link TenantQuota} over auth-service's internal API. Each call has a time limit; a refusal (409
 * {@code quota-exceeded}) is an answer, anything else that goes wrong means "cannot tell" (503 naming
 * auth-service). The allowed answer lists used and limit per resource, which is where the {@code imageGb} limit
 * of a stream of unknown size comes from.
 */
final class AuthServiceTenantQuota implements TenantQuota {

    static final String QUOTA_CHECKS = "/internal/v1/quota-checks";
    static final String USAGE = "/internal/v1/usage/{tenantId}";
    private static final Logger log = LoggerFactory.getLogger(AuthServiceTenantQuota.class);

    private final WebClient authService;
    private final Duration timeout;

    AuthServiceTenantQuota(WebClient authService, Duration timeout) {
        this.authService = Objects.requireNonNull(authService, "authService");
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
                .onErrorMap(error -> !(error instanceof QuotaExceededException || error instanceof ImageRefusal),
                        error -> {
                            log.warn("tenantId={} image quota call to auth-service failed: {}", tenantId,
                                    error.toString());
                            return new ImageRefusal.QuotaUnknown(error instanceof TimeoutException
                                    ? "auth-service did not answer in time" : "auth-service cannot be reached");
                        });
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

    private static <T> Mono<T> unexpected(ClientResponse response) {
        int status = response.statusCode().value();
        return response.releaseBody().then(Mono.error(new ImageRefusal.QuotaUnknown("auth-service answered "
                + status)));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
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
