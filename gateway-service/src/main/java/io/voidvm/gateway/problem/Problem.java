package io.voidvm.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem about to be written: its kind, a client-safe detail and extra members
 * (e.g. {@code service}, {@code retryAfterSeconds}).
 */
public record Problem(GatewayProblem kind, String detail, Map<String, Object> extensions) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(GatewayProblem kind, String detail) {
        return new Problem(kind, detail, Map.of());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(kind, detail, more);
    }

    public int status() {
        return kind.status();
    }

    /** RFC 9457 members first, then {@code code}, then the extensions. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type().toString());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", kind.code());
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
