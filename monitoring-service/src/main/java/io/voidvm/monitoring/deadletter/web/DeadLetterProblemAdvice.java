package io.voidvm.monitoring.deadletter.web;

import io.voidvm.monitoring.deadletter.domain.DeadLettersUnavailableException;
import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A broker that does not answer in time is a 503 problem naming Kafka, with {@code Retry-After}. */
@RestControllerAdvice
class DeadLetterProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProblemAdvice.class);

    private final ProblemWriter writer;

    DeadLetterProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @ExceptionHandler(DeadLettersUnavailableException.class)
    Mono<Void> unavailable(DeadLettersUnavailableException failure, ServerWebExchange exchange) {
        log.warn("{}", failure.getMessage(), failure.getCause());
        return writer.write(exchange, Problem.unavailable("kafka", failure.getMessage()));
    }
}
