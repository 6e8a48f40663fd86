package io.voidvm.auth.tenancy.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** A member's role within one tenant (beside the realm roles {@code user}/{@code admin}). */
public enum MemberRole {
    OWNER,
    MEMBER,
    VIEWER;

    /** The lower-case spelling used in JSON and in the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberRole fromKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("role", "must be one of owner, member, viewer"));
    }
}
