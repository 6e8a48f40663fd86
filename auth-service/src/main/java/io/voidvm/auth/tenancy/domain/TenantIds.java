package io.voidvm.auth.tenancy.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.regex.Pattern;

/** Tenant ids are DNS labels, like the Keycloak attribute and the database check say. */
public final class TenantIds {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private TenantIds() {
    }

    public static boolean isValid(String id) {
        return id != null && DNS_LABEL.matcher(id).matches();
    }

    /** @throws InvalidRequestException naming {@code field} */
    public static String require(String id, String field) {
        if (!isValid(id)) {
            throw new InvalidRequestException(field, "must be a DNS label: 1-63 lower-case letters, digits and "
                    + "inner dashes");
        }
        return id;
    }
}
