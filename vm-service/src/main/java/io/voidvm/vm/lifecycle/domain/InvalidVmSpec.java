package io.voidvm.vm.lifecycle.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A VM spec breaks one or more field rules (HTTP 400). Carries every violation, not just the first. */
public final class InvalidVmSpec extends VmDomainException {

    private final List<SpecViolation> violations;

    public InvalidVmSpec(List<SpecViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<SpecViolation> violations() {
        return violations;
    }

    private static String describe(List<SpecViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec needs at least one violation");
        }
        return violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; "));
    }
}
