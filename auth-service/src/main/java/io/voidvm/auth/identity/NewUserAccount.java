package io.voidvm.auth.identity;

import java.util.Objects;

/**
 * A user an admin creates.
 *
 * @param tenantId          the tenant the user's tokens will carry; null for none (an admin account)
 * @param admin             also grant the {@code admin} realm role (such users must set up TOTP at first login)
 * @param initialPassword   null to leave the user without a password (they use "forgot password")
 * @param temporaryPassword whether the user must change the initial password at first login
 */
public record NewUserAccount(String username, String email, String firstName, String lastName, String tenantId,
                             boolean admin, String initialPassword, boolean temporaryPassword) {

    public NewUserAccount {
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String toString() {
        return "NewUserAccount[username=" + username + ", email=" + email + ", tenantId=" + tenantId + ", admin="
                + admin + ", initialPassword=" + (initialPassword == null ? "none" : "***") + "]";
    }
}
