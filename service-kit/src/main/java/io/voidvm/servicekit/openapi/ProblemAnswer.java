package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;

/**
 * The problem answers service-kit documents, and which operations can give each: it mirrors what the shared
 * security chain, the problem handler, the tenancy rule (another tenant's resource is a 404) and the gateway in
 * front of every public route (rate limits, breakers) really do. An operation documents its own special cases
 * with {@code @ApiResponse}; those are kept.
 */
enum ProblemAnswer {
    BAD_REQUEST("400", "BadRequest", "The request is malformed or invalid; `errors` lists each field."),
    UNAUTHORIZED("401", "Unauthorized", "No valid bearer token."),
    FORBIDDEN("403", "Forbidden", "The token is valid but lacks a tenant or the role this needs."),
    NOT_FOUND("404", "NotFound", "No such resource in the caller's tenant (another tenant's is a 404 too)."),
    CONFLICT("409", "Conflict", "Refused in the resource's current state, or a quota would be exceeded."),
    PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match does not name the current version."),
    PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The request body is larger than this operation accepts."),
    UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType",
            "The body's Content-Type is not one this operation takes (JSON bodies: UTF-8 only)."),
    IDEMPOTENCY_KEY_REUSED("422", "IdempotencyKeyReused",
            "This Idempotency-Key was already used for a different request."),
    TOO_MANY_REQUESTS("429", "TooManyRequests",
            "Through the gateway: the caller's (or address's) request rate is exceeded; Retry-After says when to"
                    + " try again."),
    SERVICE_UNAVAILABLE("503", "ServiceUnavailable",
            "A dependency (the token issuer, another voidVM service, Kafka) did not answer, or the gateway's"
                    + " breaker for this service is open; retry later."),
    OTHER("default", "Problem", "Any other error, as a problem.");

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String status;
    private final String component;
    private final String description;

    ProblemAnswer(String status, String component, String description) {
        this.status = status;
        this.component = component;
        this.description = description;
    }

    String status() {
        return status;
    }

    String component() {
        return component;
    }

    String description() {
        return description;
    }

    boolean appliesTo(HttpMethod method, Operation operation, boolean publicPath, boolean internalPath) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return switch (this) {
            case BAD_REQUEST -> !parameters.isEmpty() || operation.getRequestBody() != null;
            case UNAUTHORIZED, FORBIDDEN -> !publicPath;
            case NOT_FOUND -> parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
            case CONFLICT -> method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
            case PRECONDITION_FAILED -> parameters.stream()
                    .anyMatch(parameter -> "header".equals(parameter.getIn())
                            && "If-Match".equalsIgnoreCase(parameter.getName()));
            case PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> operation.getRequestBody() != null;
            case IDEMPOTENCY_KEY_REUSED -> parameters.stream()
                    .anyMatch(parameter -> "header".equals(parameter.getIn())
                            && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()));
            case TOO_MANY_REQUESTS -> !internalPath;
            case SERVICE_UNAVAILABLE -> true;
            case OTHER -> true;
        };
    }
}
