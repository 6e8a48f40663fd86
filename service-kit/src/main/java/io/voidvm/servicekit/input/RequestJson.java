package io.voidvm.servicekit.input;

import io.voidvm.servicekit.problem.JsonErrors;
import io.voidvm.servicekit.problem.domain.FieldViolation;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON that a handler takes out of a request itself (the {@code metadata} part of a multipart form) by the
 * same rules as a JSON request body, so no request JSON escapes them.
 */
public final class RequestJson {

    private final JsonMapper strict;

    private RequestJson(JsonMapper strict) {
        this.strict = Objects.requireNonNull(strict, "strict");
    }

    /** The rules applied on top of the application's mapper (its modules and settings carry over). */
    public static RequestJson from(JsonMapper applicationMapper) {
        return new RequestJson(StrictJsonDecoder.strict(applicationMapper));
    }

    /**
     * @param where the name of the part holding the JSON; it prefixes the field a refusal names
     *              ({@code metadata.name})
     * @throws InvalidRequestException naming the field, when the JSON breaks a rule
     */
    public <T> T read(String json, Class<T> type, String where) {
        try {
            return strict.readValue(json, type);
        } catch (JacksonException refused) {
            FieldViolation violation = JsonErrors.violation(refused)
                    .orElseGet(() -> new FieldViolation("", "is not valid JSON"));
            String field = violation.field().isEmpty() ? where : where + "." + violation.field();
            throw new InvalidRequestException(field, violation.message());
        }
    }
}
