package io.voidvm.image.catalog.web;

import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The image rules' refusals as problems, written by service-kit's writer like every other problem. */
@RestControllerAdvice
class ImageProblemAdvice {

    private static final String RETRY_AFTER_SECONDS = "10";

    private final ProblemWriter writer;

    ImageProblemAdvice(ProblemWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @ExceptionHandler(ImageRefusal.class)
    Mono<Void> refused(ImageRefusal refusal, ServerWebExchange exchange) {
        Problem problem = switch (refusal) {
            case ImageRefusal.TooLarge tooLarge -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(),
                    Map.of("limitBytes", tooLarge.limitBytes()));
            case ImageRefusal.InUse inUse -> Problem.of(ProblemType.CONFLICT, inUse.getMessage(),
                    Map.of("volumes", inUse.volumes()));
            case ImageRefusal.DependentsUnknown unknown -> Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    unknown.getMessage(), Map.of("service", "storage-service")).withHeaders(retryAfter());
            case ImageRefusal.QuotaUnknown unknown -> Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    unknown.getMessage(), Map.of("service", "auth-service")).withHeaders(retryAfter());
            case ImageRefusal.NotStoredIntact notIntact -> Problem.of(ProblemType.INTERNAL_ERROR,
                    notIntact.getMessage(), Map.of("sha256", notIntact.received(), "sha256OnDisk", notIntact.stored()));
            case ImageRefusal.BytesMissing missing -> Problem.of(ProblemType.INTERNAL_ERROR, missing.getMessage(),
                    Map.of("bytesReceived", missing.received(), "contentLength", missing.announced()));
            case ImageRefusal.ImportsBusy busy -> Problem.of(ProblemType.TOO_MANY_REQUESTS, busy.getMessage(),
                    Map.of("limit", busy.limit(), "scope", busy.scope())).withHeaders(retryAfter());
        };
        return writer.write(exchange, problem);
    }

    private static HttpHeaders retryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
