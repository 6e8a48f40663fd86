package io.voidvm.storage.platform;

import io.voidvm.storage.volume.app.VmDirectory;
import io.voidvm.storage.volume.domain.VmFacts;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/vms/{id}} of vm-service with the caller's own bearer token: vm-service applies its tenancy, so
 * a VM of another tenant answers 404 there and is empty here.
 */
final class HttpVmDirectory implements VmDirectory {

    private final WebClient client;
    private final JsonMapper json;
    private final Duration timeout;

    HttpVmDirectory(WebClient client, JsonMapper json, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.json = Objects.requireNonNull(json, "json");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<VmFacts> find(UUID vmId) {
        return callerToken()
                .flatMap(token -> client.get().uri("/api/v1/vms/{id}", vmId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .retrieve().bodyToMono(String.class))
                .timeout(timeout)
                .map(body -> toFacts(vmId, json.readTree(body)))
                .onErrorResume(WebClientResponseException.class, e -> switch (e.getStatusCode().value()) {
                    case 403, 404 -> Mono.empty();
                    default -> Mono.error(Unavailable.of("vm-service", e));
                })
                .onErrorMap(e -> !(e instanceof ResponseStatusException), e -> Unavailable.of("vm-service", e));
    }

    private static Mono<String> callerToken() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
                .map(auth -> ((AbstractOAuth2TokenAuthenticationToken<?>) auth).getToken().getTokenValue());
    }

    private static VmFacts toFacts(UUID requested, JsonNode vm) {
        UUID id = Json.uuid(vm, "id");
        return new VmFacts(id == null ? requested : id, Json.text(vm, "tenantId"), Json.text(vm, "nodeName"),
                Json.text(vm, "status"));
    }
}
