package io.voidvm.vm.lifecycle.web;

import io.voidvm.servicekit.tenancy.domain.Caller;

/** Whose Idempotency-Keys a caller's keys are: the tenant's, or an admin's own when acting without a tenant. */
final class IdempotencyScope {

    private IdempotencyScope() {
    }

    static String of(Caller caller) {
        return caller.tenant().map(tenant -> "tenant:" + tenant).orElse("subject:" + caller.subject());
    }
}
