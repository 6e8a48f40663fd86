package io.voidvm.auth.identity;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The users of the realm, as auth-service may read and change them (Keycloak's admin API behind a narrow port).
 * Errors are the platform's problem exceptions: an unknown user is a {@code NotFoundException}, a duplicate
 * username or email a {@code ConflictException}, a value Keycloak rejects an {@code InvalidRequestException}.
 */
public interface UserDirectory {

    /** Empty when there is no such user. */
    Mono<UserAccount> find(String userId);

    /** Users whose username, email or name contains {@code query} (all when blank), from {@code first}. */
    Mono<List<UserAccount>> search(String query, int first, int max);

    /** @return the new user's id */
    Mono<String> create(NewUserAccount user);

    Mono<UserAccount> updateProfile(String userId, ProfileChange change);

    Mono<Void> setEnabled(String userId, boolean enabled);

    /** Sets (or, for null, removes) the {@code tenant} attribute: the tenant the user's next tokens carry. */
    Mono<Void> setTenant(String userId, String tenantId);

    /** Removes every OTP credential, so the next login asks to set one up again; emits how many went. */
    Mono<Integer> removeOtpCredentials(String userId);

    Mono<Lockout> lockout(String userId);

    /** Clears brute-force detection for the user (their failure count and any temporary lockout). */
    Mono<Void> unlock(String userId);
}
