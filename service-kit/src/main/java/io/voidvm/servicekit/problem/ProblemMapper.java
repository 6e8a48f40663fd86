package io.voidvm.servicekit.problem;

import io.voidvm.servicekit.problem.domain.ApiException;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.problem.domain.PreconditionFailedException;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.servicekit.problem.domain.FieldViolation;
import io.voidvm.servicekit.problem.domain.ProblemType;
import io.r2dbc.spi.R2dbcException;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Classifies any failure as a {@link Problem}. Details are composed here from what the client sent and what
 * the route expects; exception messages are only used for {@link ApiException}, whose messages are written for
 * clients, so internals and secrets never reach a response.
 */
public final class ProblemMapper {

    /** SQLSTATE of "invalid byte sequence for encoding UTF8", which is what a NUL in a text parameter gives. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    static final String GENERIC_DETAIL = "An unexpected error occurred. Quote the trace id when reporting it.";

    public Problem map(Throwable error, ServerHttpRequest request) {
        if (error instanceof ApiException api) {
            return fromApiException(api);
        }
        if (isTooLarge(error)) {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "request body is too large");
        }
        return switch (error) {
            case WebExchangeBindException binding -> Problem.validation(
                    "request body has " + binding.getErrorCount() + " invalid field(s)", bindingViolations(binding));
            case HandlerMethodValidationException validation -> methodValidation(validation);
            case ConstraintViolationException violations -> constraintViolations(violations);
            case MissingRequestValueException missing -> Problem.of(ProblemType.INVALID_REQUEST,
                    missing.getLabel() + " '" + missing.getName() + "' is required",
                    errors(new FieldViolation(missing.getName(), "is required")));
            case ServerWebInputException input -> inputProblem(input);
            case MethodNotAllowedException notAllowed -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                    "method " + notAllowed.getHttpMethod() + " is not allowed on " + request.getPath().value()
                    + "; allowed: " + notAllowed.getSupportedMethods()).withHeaders(notAllowed.getHeaders());
            case NotAcceptableStatusException notAcceptable -> Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "none of the accepted media types can be produced; available: "
                    + notAcceptable.getSupportedMediaTypes());
            case UnsupportedMediaTypeStatusException unsupported -> unsupportedMediaType(unsupported);
            case ResponseStatusException status -> fromStatus(status.getStatusCode(), request)
                    .withHeaders(status.getHeaders());
            case AuthenticationServiceException unavailable -> authUnavailable();
            case JwtDecoderInitializationException unavailable -> authUnavailable();
            case AuthenticationException unauthenticated ->
                    Problem.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required");
            case AccessDeniedException denied ->
                    Problem.of(ProblemType.FORBIDDEN, "you are not allowed to do this");
            default -> unstorableText(error)
                    ? Problem.of(ProblemType.INVALID_REQUEST, "the request holds characters that cannot be stored")
                    : Problem.of(ProblemType.INTERNAL_ERROR, GENERIC_DETAIL);
        };
    }

    private static Problem unsupportedMediaType(UnsupportedMediaTypeStatusException unsupported) {
        MediaType type = unsupported.getContentType();
        if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())
            && unsupported.getSupportedMediaTypes().stream().anyMatch(supported -> supported.includes(type))) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "charset " + type.getCharset().name()
                    + " is not supported; send " + type.getType() + "/" + type.getSubtype() + " as UTF-8")
                    .withHeaders(unsupported.getHeaders());
        }
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "content type " + type + " is not supported; use one of "
                + unsupported.getSupportedMediaTypes()).withHeaders(unsupported.getHeaders());
    }

    /**
     * PostgreSQL refused a character of the request (NUL, or bytes that are not UTF-8: SQLSTATE 22021). The input
     * rules keep such text out; this is the last line of defence, so a gap in them is a 400, not a 500.
     */
    private static boolean unstorableText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc && CHARACTER_NOT_IN_REPERTOIRE.equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static Problem fromApiException(ApiException api) {
        // exhaustive over the sealed family: a new member fails compilation here until it is mapped
        ProblemType type = switch (api) {
            case NotFoundException e -> ProblemType.NOT_FOUND;
            case ConflictException e -> ProblemType.CONFLICT;
            case PreconditionFailedException e -> ProblemType.PRECONDITION_FAILED;
            case QuotaExceededException e -> ProblemType.QUOTA_EXCEEDED;
            case InvalidRequestException e -> ProblemType.INVALID_REQUEST;
            case ForbiddenException e -> ProblemType.FORBIDDEN;
        };
        return Problem.of(type, api.detail(), api.extensions());
    }

    private static Problem authUnavailable() {
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the token issuer cannot be reached; try again later");
    }

    private static boolean isTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataBufferLimitException
                || t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 413) {
                return true;
            }
        }
        return false;
    }

    private static List<FieldViolation> bindingViolations(WebExchangeBindException binding) {
        List<FieldViolation> violations = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> violations.add(new FieldViolation(e.getField(), message(e.getDefaultMessage()))));
        binding.getGlobalErrors().forEach(e -> violations.add(new FieldViolation("", message(e.getDefaultMessage()))));
        return violations;
    }

    private static Problem methodValidation(HandlerMethodValidationException validation) {
        List<FieldViolation> violations = new ArrayList<>();
        for (var result : validation.getParameterValidationResults()) {
            String parameter = parameterName(result.getMethodParameter());
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(e -> violations.add(new FieldViolation(e.getField(), message(e.getDefaultMessage()))));
                errors.getGlobalErrors().forEach(e -> violations.add(new FieldViolation(parameter, message(e.getDefaultMessage()))));
            } else {
                result.getResolvableErrors().forEach(e -> violations.add(new FieldViolation(parameter, message(e.getDefaultMessage()))));
            }
        }
        validation.getCrossParameterValidationResults()
                .forEach(e -> violations.add(new FieldViolation("", message(e.getDefaultMessage()))));
        return Problem.validation("request has " + violations.size() + " invalid value(s)", violations);
    }

    private static Problem constraintViolations(ConstraintViolationException exception) {
        List<FieldViolation> violations = exception.getConstraintViolations().stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), message(v.getMessage())))
                .toList();
        return Problem.validation("request has " + violations.size() + " invalid value(s)", violations);
    }

    private static Problem inputProblem(ServerWebInputException input) {
        Optional<tools.jackson.core.JacksonException> json = JsonErrors.find(input);
        if (json.isPresent() && JsonErrors.isRefusedValue(json.get())) {
            return Problem.validation(JsonErrors.detail(json.get()), JsonErrors.violation(json.get()).stream().toList());
        }
        if (json.isPresent()) {
            return JsonErrors.violation(json.get())
                    .map(v -> Problem.of(ProblemType.MALFORMED_REQUEST, JsonErrors.detail(json.get()), errors(v)))
                    .orElseGet(() -> Problem.of(ProblemType.MALFORMED_REQUEST, JsonErrors.detail(json.get())));
        }
        MethodParameter parameter = input.getMethodParameter();
        if (input.getCause() instanceof TypeMismatchException mismatch && parameter != null) {
            String name = parameterName(parameter);
            String reason = "must be " + JsonErrors.describe(mismatch.getRequiredType());
            return Problem.of(ProblemType.INVALID_REQUEST, "parameter '" + name + "' " + reason,
                    errors(new FieldViolation(name, reason)));
        }
        if (parameter != null && parameter.getParameterIndex() >= 0 && isBody(input)) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "request body is missing or unreadable");
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "request could not be read");
    }

    private static boolean isBody(ServerWebInputException input) {
        return input.getMethodParameter() != null
               && input.getMethodParameter().hasParameterAnnotation(RequestBody.class);
    }

    private static Problem fromStatus(HttpStatusCode status, ServerHttpRequest request) {
        return switch (status.value()) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, "request could not be read");
            case 401 -> Problem.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "you are not allowed to do this");
            case 404 -> Problem.of(ProblemType.NOT_FOUND,
                    "no resource at " + request.getMethod() + " " + request.getPath().value());
            case 409 -> Problem.of(ProblemType.CONFLICT, "the request conflicts with the current state");
            case 412 -> Problem.of(ProblemType.PRECONDITION_FAILED, "a precondition did not hold");
            case 428 -> Problem.of(ProblemType.PRECONDITION_REQUIRED, "this request needs an If-Match header");
            case 429 -> Problem.of(ProblemType.TOO_MANY_REQUESTS, "too many requests; slow down");
            case 503 -> Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the service is temporarily unavailable");
            default -> status.is4xxClientError()
                    ? new Problem(ProblemType.INVALID_REQUEST, status.value(), "the request was rejected", Map.of(), null)
                    : Problem.of(ProblemType.INTERNAL_ERROR, GENERIC_DETAIL);
        };
    }

    private static String parameterName(MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    private static String message(String message) {
        return message == null ? "is invalid" : message;
    }

    private static Map<String, Object> errors(FieldViolation violation) {
        return Map.of("errors", List.of(violation));
    }
}
