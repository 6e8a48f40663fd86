package io.voidvm.gateway.problem;

import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Problem} as {@code application/problem+json}. Used from web filters, security entry points
 * and gateway filters alike, so a 401 from Spring Security looks like a 503 from a fallback.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    public byte[] toJson(Problem problem, String instance) {
        return json.writeValueAsBytes(problem.body(instance));
    }

    /** Writes onto {@code response}, which may be a decorator of the exchange's own response. */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, Problem problem) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = toJson(problem, exchange.getRequest().getPath().value());
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** Passes on a problem body another service wrote, as it is. */
    public Mono<Void> relay(ServerWebExchange exchange, int status, byte[] problemJson) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(problemJson.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(problemJson)));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, exchange.getResponse(), problem);
    }
}
