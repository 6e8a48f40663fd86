package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;

/**
 * The problem answers service-kit documents, and which operations can give each: it mirrors what the shared
 * security chain, the problem handler and the tenancy rule (another tenant's resource is a 404) really do.
 */
enum ProblemAnswer {
    BAD_REQUEST("400", "BadRequest", "The request is malformed or invalid; `errors` lists each field."),
    UNAUTHORIZED("401", "Unauthorized", "No valid bearer token."),
    FORBIDDEN("403", "Forbidden", "The token is valid but lacks a tenant or the role this needs."),
    NOT_FOUND("404", "NotFound", "No such resource in the caller's tenant (another tenant's is a 404 too)."),
    CONFLICT("409", "Conflict", "Refused in the resource's current state, or a quota would be exceeded."),
    PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match does not name the current version."),
    OTHER("default", "Problem", "Any other error, as a problem.");

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

    boolean appliesTo(HttpMethod method, Operation operation, boolean publicPath) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return switch (this) {
            case BAD_REQUEST -> !parameters.isEmpty() || operation.getRequestBody() != null;
            case UNAUTHORIZED, FORBIDDEN -> !publicPath;
            case NOT_FOUND -> parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
            case CONFLICT -> method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
            case PRECONDITION_FAILED -> parameters.stream()
                    .anyMatch(parameter -> "header".equals(parameter.getIn())
                            && "If-Match".equalsIgnoreCase(parameter.getName()));
            case OTHER -> true;
        };
    }
}
