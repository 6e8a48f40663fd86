package io.voidvm.servicekit.tenancy.domain;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link Caller} from decoded JWT claims. Roles come from a flat {@code roles} claim (our mapper) and
 * from Keycloak's default {@code realm_access.roles}, so a token works whichever mapper the realm uses.
 */
public final class CallerClaims {

    public static final String SUBJECT = "sub";
    public static final String TENANT = "tenant";
    public static final String ROLES = "roles";
    public static final String REALM_ACCESS = "realm_access";

    private CallerClaims() {
    }

    /** @throws io.voidvm.servicekit.problem.domain.ForbiddenException for a non-admin without a tenant */
    public static Caller toCaller(Map<String, Object> claims) {
        Object subject = claims.get(SUBJECT);
        if (!(subject instanceof String sub) || sub.isBlank()) {
            throw new ForbiddenException("the token carries no subject");
        }
        return new Caller(sub, tenant(claims.get(TENANT)), roles(claims));
    }

    public static Set<String> roles(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        addStrings(roles, claims.get(ROLES));
        if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess) {
            addStrings(roles, realmAccess.get(ROLES));
        }
        return roles;
    }

    /** Accepts a string or a one-element list: Keycloak's attribute mapper emits either, depending on "multivalued". */
    private static String tenant(Object claim) {
        if (claim instanceof String tenant) {
            return tenant;
        }
        if (claim instanceof Collection<?> values && values.size() == 1
            && values.iterator().next() instanceof String tenant) {
            return tenant;
        }
        return null;
    }

    private static void addStrings(Set<String> target, Object claim) {
        if (claim instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(role -> !role.isBlank()).forEach(target::add);
        }
    }
}
