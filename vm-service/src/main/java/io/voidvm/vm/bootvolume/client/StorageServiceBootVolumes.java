package io.voidvm.vm.bootvolume.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.voidvm.servicekit.problem.domain.ApiException;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.bootvolume.app.BootVolumes;
import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link BootVolumes} over storage-service's internal API, called as the platform. Each call has a time limit
 * and goes through a circuit breaker. storage-service's answers about the request (400, 404, 409) become the
 * client's problems, renamed to vm-service's fields ({@code sizeGb} is the VM's {@code diskSizeGb}); they never
 * open the breaker. Anything else is "unavailable": a 503 naming storage-service.
 */
public final class StorageServiceBootVolumes implements BootVolumes {

    static final String VOLUMES = "/internal/v1/volumes";
    static final String VOLUME = "/internal/v1/volumes/{id}";

    private final WebClient storageService;
    private final CircuitBreaker breaker;
    private final Duration timeout;

    public StorageServiceBootVolumes(WebClient storageService, CircuitBreaker breaker, Duration timeout) {
        this.storageService = Objects.requireNonNull(storageService, "storageService");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<BootVolume> create(BootVolumeRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", request.tenantId());
        body.put("name", request.name());
        body.put("sizeGb", request.sizeGb());
        body.put("imageId", request.imageId());
        body.put("vmId", request.vmId());
        Mono<BootVolume> call = storageService.post().uri(VOLUMES).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(Map.class).map(StorageServiceBootVolumes::bootVolume)
                        : refusal(response, request));
        return guarded(call);
    }

    @Override
    public Mono<Void> delete(UUID volumeId) {
        Mono<Void> call = storageService.delete().uri(VOLUME, volumeId)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    // 404: already gone (an earlier attempt, or never made) — nothing is left to delete
                    return response.statusCode().is2xxSuccessful() || status == 404 ? response.releaseBody()
                            : unexpected(response, "the boot volume " + volumeId + " could not be deleted");
                });
        return guarded(call);
    }

    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(error -> !(error instanceof ApiException
                        || error instanceof BootVolumeUnavailableException), StorageServiceBootVolumes::unavailable);
    }

    /** The fields this adapter reads from storage-service's volume view (others are ignored). */
    private static BootVolume bootVolume(Map<?, ?> view) {
        Object id = view.get("id");
        Object poolPath = view.get("poolPath");
        Object nodeName = view.get("nodeName");
        if (!(id instanceof String text) || !(poolPath instanceof String path) || !(nodeName instanceof String node)) {
            throw new BootVolumeUnavailableException(
                    "storage-service answered a boot volume without id, poolPath or nodeName", null);
        }
        return new BootVolume(UUID.fromString(text), path, node);
    }

    @SuppressWarnings("unchecked")
    private static <T> Mono<T> refusal(ClientResponse response, BootVolumeRequest request) {
        int status = response.statusCode().value();
        if (status != 400 && status != 404 && status != 409) {
            return unexpected(response, "the boot volume could not be made");
        }
        return response.bodyToMono(Map.class).defaultIfEmpty(Map.of()).flatMap(body -> {
            Map<String, Object> problem = (Map<String, Object>) body;
            String detail = problem.get("detail") instanceof String text ? text : "storage-service answered " + status;
            return Mono.error(switch (status) {
                case 400 -> invalid(problem, detail);
                case 404 -> new InvalidRequestException("imageId", "image " + request.imageId()
                        + " does not exist");
                default -> "quota-exceeded".equals(problem.get("code")) && problem.get("quota") instanceof String q
                        ? new QuotaExceededException(q, number(problem, "limit"), number(problem, "used"),
                                number(problem, "requested"))
                        : new ConflictException("the boot volume cannot be made: " + detail);
            });
        });
    }

    /** A 400 names storage-service's field; the client knows it under vm-service's name. */
    private static RuntimeException invalid(Map<String, Object> problem, String detail) {
        if (problem.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.getFirst() instanceof Map<?, ?> first && first.get("field") instanceof String field) {
            String message = first.get("message") instanceof String text ? text : detail;
            switch (field) {
                case "sizeGb" -> {
                    return new InvalidRequestException("diskSizeGb", message);
                }
                case "imageId" -> {
                    return new InvalidRequestException("imageId", message);
                }
                default -> {
                    // poolId, name, tenantId: a platform set-up problem, not the client's
                    return new BootVolumeUnavailableException("storage-service refused the boot volume: " + field
                            + ": " + message, null);
                }
            }
        }
        return new BootVolumeUnavailableException("storage-service refused the boot volume: " + detail, null);
    }

    private static <T> Mono<T> unexpected(ClientResponse response, String what) {
        int status = response.statusCode().value();
        return response.releaseBody().then(Mono.error(new BootVolumeUnavailableException(
                what + ": storage-service answered " + status, null)));
    }

    private static Throwable unavailable(Throwable error) {
        String why = switch (error) {
            case CallNotPermittedException open -> "storage-service failed repeatedly and is not asked for a while";
            case TimeoutException slow -> "storage-service did not answer in time";
            default -> "storage-service cannot be reached";
        };
        return new BootVolumeUnavailableException("the boot volume cannot be handled now (" + why
                + "); try again later", error);
    }

    private static long number(Map<String, Object> problem, String key) {
        return problem.get(key) instanceof Number number ? number.longValue() : 0;
    }
}
