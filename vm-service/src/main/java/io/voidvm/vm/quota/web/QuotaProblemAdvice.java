package io.voidvm.vm.quota.web;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import io.voidvm.vm.quota.domain.QuotaUnavailableException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A quota that cannot be checked is a 503 problem naming auth-service, with {@code Retry-After}: the client
 * did nothing wrong and may simply retry. (A refused quota is service-kit's 409 {@code quota-exceeded}.)
 */
@RestControllerAdvice
class QuotaProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(QuotaProblemAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "10";

    private final ProblemWriter writer;

    QuotaProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @ExceptionHandler(QuotaUnavailableException.class)
    Mono<Void> unavailable(QuotaUnavailableException failure, ServerWebExchange exchange) {
        log.warn("quota check failed: {}", failure.getMessage(), failure.getCause());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return writer.write(exchange, Problem.of(ProblemType.SERVICE_UNAVAILABLE, failure.getMessage(),
                Map.of("service", "auth-service")).withHeaders(headers));
    }
}
