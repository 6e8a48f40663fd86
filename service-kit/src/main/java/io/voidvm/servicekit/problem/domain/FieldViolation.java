package io.voidvm.servicekit.problem.domain;

import java.util.Objects;

/**
 * One entry of a problem's {@code errors} list.
 *
 * @param field   JSON path of the body field ({@code disks[0].sizeGb}) or the query/path parameter name
 * @param message what is wrong, for humans
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
