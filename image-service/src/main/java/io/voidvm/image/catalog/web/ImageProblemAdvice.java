package io.voidvm.image.catalog.web;

import io.voidvm.image.catalog.domain.ImageRefusal;
import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemMapper;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The image rules' refusals as problems, written by service-kit's writer like every other problem. A refused upload
 * answers its cause's problem (mapped like any other error) with the FAILED image's {@code imageId} and
 * {@code statusReason} added.
 */
@RestControllerAdvice
class ImageProblemAdvice {

    private static final String RETRY_AFTER_SECONDS = "10";

    private final ProblemWriter writer;
    private final ProblemMapper mapper;

    ImageProblemAdvice(ProblemWriter writer, ProblemMapper mapper) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @ExceptionHandler(ImageRefusal.class)
    Mono<Void> refused(ImageRefusal refusal, ServerWebExchange exchange) {
        return writer.write(exchange, problem(refusal, exchange));
    }

    private Problem problem(ImageRefusal refusal, ServerWebExchange exchange) {
        return switch (refusal) {
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
            case ImageRefusal.RangeNotSatisfiable range -> Problem.of(ProblemType.RANGE_NOT_SATISFIABLE,
                    range.getMessage(), Map.of("sizeBytes", range.sizeBytes()))
                    .withHeaders(header(HttpHeaders.CONTENT_RANGE, "bytes */" + range.sizeBytes()));
            case ImageRefusal.ImportsBusy busy -> Problem.of(ProblemType.TOO_MANY_REQUESTS, busy.getMessage(),
                    Map.of("limit", busy.limit(), "scope", busy.scope())).withHeaders(retryAfter());
            case ImageRefusal.InvalidImage invalid -> Problem.of(ProblemType.UNPROCESSABLE_CONTENT,
                    "the file is not an acceptable disk image: " + invalid.getMessage());
            case ImageRefusal.UploadRefused upload -> naming(upload, upload.refusal() instanceof ImageRefusal cause
                    ? problem(cause, exchange) : mapper.map(upload.refusal(), exchange.getRequest()));
        };
    }

    /** The refusal's problem, plus the image it left FAILED and the reason the image shows. */
    private static Problem naming(ImageRefusal.UploadRefused upload, Problem problem) {
        Map<String, Object> extensions = new LinkedHashMap<>(problem.extensions());
        extensions.put("imageId", upload.imageId());
        extensions.put("statusReason", upload.statusReason());
        return new Problem(problem.type(), problem.status(), problem.detail(), extensions, problem.headers());
    }

    private static HttpHeaders retryAfter() {
        return header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static HttpHeaders header(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }
}
