package io.voidvm.servicekit.tenancy.domain;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated principal of a request.
 *
 * @param subject  the token's {@code sub}
 * @param tenantId the tenant the caller acts for; null only for an admin without one
 * @param roles    realm roles, e.g. {@code user}, {@code admin}
 */
public record Caller(String subject, String tenantId, Set<String> roles) {

    public static final String ADMIN_ROLE = "admin";
    public static final String USER_ROLE = "user";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        if (tenantId != null && tenantId.isBlank()) {
            tenantId = null;
        }
        if (tenantId == null && !roles.contains(ADMIN_ROLE)) {
            throw new ForbiddenException("the token carries no tenant");
        }
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }

    /**
     * The rule for admin-only routes: a 403 (not a 404), since the route exists for everyone and reveals nothing
     * about any tenant; only the caller's role is wrong.
     *
     * @param what what needs the role, for the problem's detail ("the nodes API")
     * @throws ForbiddenException unless the caller has the {@code admin} realm role
     */
    public Caller requireAdmin(String what) {
        if (!isAdmin()) {
            throw new ForbiddenException(what + " needs the admin role");
        }
        return this;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenantId);
    }

    /** The tenant new resources are created in; an admin without a tenant must name one explicitly. */
    public String requireTenant() {
        if (tenantId == null) {
            throw new ForbiddenException("this action needs a tenant; the caller has none");
        }
        return tenantId;
    }

    /** The rows this caller may see: all tenants for an admin, otherwise their own. */
    public TenantScope scope() {
        return isAdmin() ? TenantScope.allTenants() : TenantScope.tenant(tenantId);
    }
}
