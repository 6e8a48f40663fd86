package io.voidvm.gateway.problem;

import java.net.URI;

/**
 * The problems the gateway itself answers with. Codes and type URIs match service-kit's {@code ProblemType}
 * where both exist; {@code gateway-timeout}, {@code csrf-token-invalid} and {@code not-implemented} only the
 * gateway produces.
 */
public enum GatewayProblem {
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", 403, "CSRF token missing or invalid"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL_ERROR("internal-error", 500, "Internal server error"),
    NOT_IMPLEMENTED("not-implemented", 501, "Not implemented"),
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

    /** The kind for an error status; another 4xx is a malformed request, another 5xx an internal error. */
    public static GatewayProblem forStatus(int status) {
        for (GatewayProblem kind : values()) {
            if (kind.status == status && kind != CSRF_TOKEN_INVALID) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }

    public URI type() {
        return URI.create(TYPE_BASE + code);
    }
}
