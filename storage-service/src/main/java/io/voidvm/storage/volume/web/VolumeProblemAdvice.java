package io.voidvm.storage.volume.web;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import io.voidvm.storage.volume.app.IdempotencyKeyReusedException;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Problems the service-kit mapping has no member for. */
@RestControllerAdvice
class VolumeProblemAdvice {

    private final ProblemWriter writer;

    VolumeProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** 422: the request is well-formed but cannot be processed under this key. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    Mono<Void> keyReused(IdempotencyKeyReusedException reused, ServerWebExchange exchange) {
        return writer.write(exchange, new Problem(ProblemType.INVALID_REQUEST, 422, reused.getMessage(), Map.of(),
                null));
    }
}
