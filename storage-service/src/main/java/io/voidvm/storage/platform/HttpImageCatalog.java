package io.voidvm.storage.platform;

import io.voidvm.servicekit.platform.PlatformClient;
import io.voidvm.storage.volume.app.ImageCatalog;
import io.voidvm.storage.volume.domain.ImageFacts;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /internal/v1/images/{id}} of image-service as the platform. Reads {@code id, tenantId, visibility,
 * status, sha256, format, virtualSizeBytes} (or {@code virtualSize}) and ignores everything else.
 */
final class HttpImageCatalog implements ImageCatalog {

    private final WebClient client;
    private final PlatformClient tokens;
    private final JsonMapper json;
    private final Duration timeout;

    HttpImageCatalog(WebClient client, PlatformClient tokens, JsonMapper json, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.json = Objects.requireNonNull(json, "json");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<ImageFacts> describe(UUID imageId) {
        return tokens.token()
                .flatMap(token -> client.get().uri("/internal/v1/images/{id}", imageId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .retrieve().bodyToMono(String.class))
                .timeout(timeout)
                .map(body -> toFacts(imageId, json.readTree(body)))
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().value()
                        == HttpStatus.NOT_FOUND.value() ? Mono.empty() : Mono.error(Unavailable.of("image-service", e)))
                .onErrorMap(e -> !(e instanceof ResponseStatusException),
                        e -> Unavailable.of("image-service", e));
    }

    private static ImageFacts toFacts(UUID requested, JsonNode image) {
        UUID id = Json.uuid(image, "id");
        return new ImageFacts(id == null ? requested : id, Json.text(image, "tenantId"),
                "PUBLIC".equalsIgnoreCase(Json.text(image, "visibility")), Json.text(image, "status"),
                Json.text(image, "sha256"), Json.text(image, "format"),
                Json.number(image, "virtualSizeBytes", "virtualSize"));
    }
}
