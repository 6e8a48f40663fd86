package io.voidvm.auth.access.domain;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.tenancy.domain.Caller;

/**
 * The one rule for admin-only endpoints. A 403 (not a 404) is right here: the route exists for everyone and
 * reveals nothing about any tenant; only the caller's role is wrong.
 */
public final class Admins {

    private Admins() {
    }

    /** @throws ForbiddenException unless the caller has the {@code admin} realm role */
    public static Caller require(Caller caller) {
        return caller.requireAdmin("this");
    }
}
