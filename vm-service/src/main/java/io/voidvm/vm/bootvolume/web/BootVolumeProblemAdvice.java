package io.voidvm.vm.bootvolume.web;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException;
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
 * A boot volume storage-service cannot make is a 503 problem naming storage-service, with {@code Retry-After}:
 * the client did nothing wrong and may retry. (Its refusals are the client's 400/409 problems.)
 */
@RestControllerAdvice
class BootVolumeProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(BootVolumeProblemAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "10";

    private final ProblemWriter writer;

    BootVolumeProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @ExceptionHandler(BootVolumeUnavailableException.class)
    Mono<Void> unavailable(BootVolumeUnavailableException failure, ServerWebExchange exchange) {
        log.warn("boot volume failed: {}", failure.getMessage(), failure.getCause());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return writer.write(exchange, Problem.of(ProblemType.SERVICE_UNAVAILABLE, failure.getMessage(),
                Map.of("service", "storage-service")).withHeaders(headers));
    }
}
