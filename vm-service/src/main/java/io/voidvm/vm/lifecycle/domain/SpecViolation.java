package io.voidvm.vm.lifecycle.domain;

import java.util.Objects;

/**
 * One thing wrong with a VM spec.
 *
 * @param field  the request body field, as the client spelled it ({@code cpuCores})
 * @param reason what is wrong, for humans
 */
public record SpecViolation(String field, String reason) {

    public SpecViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
