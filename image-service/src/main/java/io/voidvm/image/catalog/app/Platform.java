package io.voidvm.image.catalog.app;

import io.voidvm.servicekit.tenancy.domain.Caller;

/**
 * Platform callers (node agents, other services: the {@code admin} role, as the {@code voidvm-platform} client's
 * service account has) — the same rule auth-service's internal quota API applies.
 */
public final class Platform {

    /** Owner of images an admin without a tenant registers (starter images, local-mode seeds). */
    public static final String TENANT = "voidvm-platform";

    private Platform() {
    }

    public static Caller require(Caller caller) {
        return caller.requireAdmin("this endpoint");
    }
}
