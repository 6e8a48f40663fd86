package io.voidvm.gateway.problem;

import java.net.URI;

/**
 * The problems the gateway itself answers with. Codes and type URIs match service-kit's {@code ProblemType}
 * where both exist; {@code gateway-timeout} and {@code csrf-token-invalid} only the gateway produces.
 */
public enum GatewayProblem {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", 403, "CSRF token missing or invalid"),
    NOT_FOUND("not-found", 404, "Not found"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Gateway timeout");

    /** Same base as service-kit's problem types. */
    public static final String TYPE_BASE = "https://voidvm.io/problems/";

    private final String code;
    private final int status;
    private final String title;

    GatewayProblem(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_BASE + code);
    }
}
