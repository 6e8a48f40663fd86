package io.voidvm.auth.keycloak;

import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the admin client's blocking calls off the event loop and turns Keycloak's HTTP errors into the
 * platform's problems: 404 → not found, 409 → conflict, 400 → invalid request (with Keycloak's message, which
 * names the rule, never a secret), unreachable → 503.
 */
final class KeycloakCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakCalls() {
    }

    /** @param what e.g. {@code "user"}, for the 404's detail */
    static <T> Mono<T> call(String what, String id, Callable<T> call) {
        return Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(error -> translate(error, what, id));
    }

    static Mono<Void> run(String what, String id, Runnable call) {
        return call(what, id, () -> {
            call.run();
            return Boolean.TRUE;
        }).then();
    }

    static Throwable translate(Throwable error, String what, String id) {
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return switch (status) {
                case 404 -> new NotFoundException(what, id);
                case 409 -> new ConflictException(message(web.getResponse(), what + " conflicts with an existing one"));
                case 400 -> new InvalidRequestException(field(web.getResponse()), message(web.getResponse(),
                        "Keycloak rejected the " + what));
                default -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Keycloak answered " + status, error);
            };
        }
        if (error instanceof ProcessingException) {
            return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Keycloak is unreachable", error);
        }
        return error;
    }

    /** Keycloak's {@code errorMessage} or {@code error_description}, else the fallback. */
    static String message(Response response, String fallback) {
        JsonNode body = body(response);
        for (String key : new String[] {"errorMessage", "error_description", "error"}) {
            if (body.hasNonNull(key) && !body.get(key).asString().isBlank()) {
                return body.get(key).asString();
            }
        }
        return fallback;
    }

    private static String field(Response response) {
        JsonNode body = body(response);
        return body.hasNonNull("field") ? body.get("field").asString() : "body";
    }

    private static JsonNode body(Response response) {
        try {
            response.bufferEntity();
            return JSON.readTree(response.readEntity(String.class));
        } catch (RuntimeException unreadable) {
            return JSON.createObjectNode();
        }
    }
}
