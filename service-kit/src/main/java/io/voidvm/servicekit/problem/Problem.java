package io.voidvm.servicekit.problem;

import io.voidvm.servicekit.problem.domain.FieldViolation;
import io.voidvm.servicekit.problem.domain.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;

/**
 * A problem about to be rendered: its type, the HTTP status (the type's, except for the rare framework status
 * voidVM has no type for), a client-safe detail, extra body members and extra response headers
 * ({@code Allow} on 405 and the like).
 */
public record Problem(ProblemType type, int status, String detail, Map<String, Object> extensions,
                      HttpHeaders headers) {

    /** How long a client should wait before retrying after {@link #unavailable}. */
    static final String RETRY_AFTER_SECONDS = "10";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
        headers = headers == null ? new HttpHeaders() : headers;
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, type.status(), detail, Map.of(), null);
    }

    public static Problem of(ProblemType type, String detail, Map<String, Object> extensions) {
        return new Problem(type, type.status(), detail, extensions, null);
    }

    /**
     * A 503 naming the service (or system, such as {@code kafka}) that did not answer, with {@code Retry-After}: the
     * client did nothing wrong and may simply retry.
     */
    public static Problem unavailable(String service, String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return new Problem(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.status(), detail,
                Map.of("service", Objects.requireNonNull(service, "service")), headers);
    }

    public static Problem validation(String detail, List<FieldViolation> errors) {
        return of(ProblemType.VALIDATION_FAILED, detail, Map.of("errors", List.copyOf(errors)));
    }

    public Problem withHeaders(HttpHeaders extra) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.addAll(extra);
        return new Problem(type, status, detail, extensions, merged);
    }

    /** The JSON body: the RFC 9457 members first, then {@code code}, {@code traceId} and the extensions. */
    public Map<String, Object> body(String instance, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", type.code());
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
