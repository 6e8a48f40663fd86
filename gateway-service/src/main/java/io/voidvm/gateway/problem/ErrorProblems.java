package io.voidvm.gateway.problem;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway's last word on an error, ahead of Spring Boot's default JSON: a path no route or page serves
 * ({@code /internal/**} included) is a 404 problem, a method or media type the gateway's own endpoints refuse a
 * 405/406/415 problem, anything unexpected a 500 problem (and a log line). Details are fixed texts: the
 * exception's reason may quote the request.
 */
@Component
public final class ErrorProblems implements WebExceptionHandler, Ordered {

    /** After the upstream failures' handler (-3), ahead of Boot's DefaultErrorWebExceptionHandler (-1). */
    public static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    private static final Map<GatewayProblem, String> DETAILS = Map.of(
            GatewayProblem.NOT_FOUND, "No resource at this path",
            GatewayProblem.METHOD_NOT_ALLOWED, "This path does not accept the request's method",
            GatewayProblem.NOT_ACCEPTABLE, "No representation of this resource matches the Accept header",
            GatewayProblem.UNSUPPORTED_MEDIA_TYPE, "This path does not accept the request's Content-Type",
            GatewayProblem.PAYLOAD_TOO_LARGE, "The request body is too large",
            GatewayProblem.MALFORMED_REQUEST, "The request could not be understood");

    private final ProblemWriter problems;

    public ErrorProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof ResponseStatusException status && status.getStatusCode().value() < 500) {
            GatewayProblem kind = GatewayProblem.forStatus(status.getStatusCode().value());
            HttpHeaders headers = status.getHeaders();
            if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
                exchange.getResponse().getHeaders().setAllow(headers.getAllow());
            }
            return problems.write(exchange, Problem.of(kind, DETAILS.getOrDefault(kind, kind.title())));
        }
        log.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), failure);
        GatewayProblem kind = failure instanceof ResponseStatusException status
                ? GatewayProblem.forStatus(status.getStatusCode().value())
                : GatewayProblem.INTERNAL_ERROR;
        return problems.write(exchange, Problem.of(kind, "The gateway could not answer this request"));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
