package io.voidvm.servicekit.problem;

import io.voidvm.servicekit.problem.domain.FieldViolation;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Describes a Jackson 3 read failure in client terms. Jackson's own messages name Java classes and echo input,
 * so they are never passed on; only the JSON path and a phrase chosen here are. Public for JSON a service reads
 * from a request itself (a multipart part).
 */
public final class JsonErrors {

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"",
            Pattern.CASE_INSENSITIVE);

    private JsonErrors() {
    }

    /** The first Jackson exception in the cause chain, if the failure came from reading JSON. */
    static Optional<JacksonException> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return Optional.of(jackson);
            }
        }
        return Optional.empty();
    }

    /** A field-level violation when Jackson knows where it was, otherwise empty (plain syntax errors). */
    public static Optional<FieldViolation> violation(JacksonException error) {
        String path = path(error);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FieldViolation(path, reason(error)));
    }

    /** Whether the JSON was well-formed and well-typed but a value broke an input rule. */
    static boolean isRefusedValue(JacksonException error) {
        return error instanceof JsonValueRefusedException;
    }

    static String detail(JacksonException error) {
        if (duplicateKey(error).isPresent()) {
            return path(error) + ": " + reason(error);
        }
        if (error instanceof StreamReadException) {
            var location = error.getLocation();
            return location == null || location.getLineNr() < 0
                    ? "request body is not valid JSON"
                    : "request body is not valid JSON (line " + location.getLineNr() + ", column "
                      + location.getColumnNr() + ")";
        }
        String path = path(error);
        return path.isEmpty() ? "request body " + reason(error) : path + ": " + reason(error);
    }

    /**
     * JSON path such as {@code disks[0].sizeGb}, built from Jackson's reference chain; for a duplicate key, the
     * key's own path (the parser names the key only in its message).
     */
    static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        String last = null;
        for (JacksonException.Reference reference : error.getPath()) {
            last = reference.getPropertyName();
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Optional<String> duplicate = duplicateKey(error);
        if (duplicate.isPresent() && !duplicate.get().equals(last)) {
            path.append(path.isEmpty() ? "" : ".").append(duplicate.get());
        }
        return path.toString();
    }

    /** The key a {@code STRICT_DUPLICATE_DETECTION} failure names. */
    private static Optional<String> duplicateKey(JacksonException error) {
        if (!(error instanceof StreamReadException) || error.getOriginalMessage() == null) {
            return Optional.empty();
        }
        Matcher matcher = DUPLICATE_KEY.matcher(error.getOriginalMessage());
        return matcher.lookingAt() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String reason(JacksonException error) {
        if (duplicateKey(error).isPresent()) {
            return "appears more than once";
        }
        return switch (error) {
            case JsonValueRefusedException refused -> refused.reason();
            case UnrecognizedPropertyException unknown -> "unknown field";
            case InvalidNullException isNull -> "must not be null";
            case ValueInstantiationException invalid -> "has an invalid value";
            case MismatchedInputException mismatch -> "must be " + describe(mismatch.getTargetType());
            case StreamReadException syntax -> "is not valid JSON";
            default -> "is invalid";
        };
    }

    /** The expected JSON type in words, for "must be ..." messages. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of a different type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
            || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
