package io.voidvm.auth.keycloak;

import io.voidvm.auth.identity.Lockout;
import io.voidvm.auth.identity.NewUserAccount;
import io.voidvm.auth.identity.ProfileChange;
import io.voidvm.auth.identity.UserAccount;
import io.voidvm.auth.identity.UserDirectory;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link UserDirectory} on Keycloak's admin API. Updates read the full representation and write it back:
 * with Keycloak's declarative user profile a partial representation would drop the attributes it omits.
 */
@Component
class KeycloakUserDirectory implements UserDirectory {

    static final String TENANT_ATTRIBUTE = "tenant";
    static final String AVATAR_ATTRIBUTE = "avatarUrl";
    private static final String USER = "user";

    private final RealmResource realm;

    KeycloakUserDirectory(RealmResource realm) {
        this.realm = Objects.requireNonNull(realm, "realm");
    }

    @Override
    public Mono<UserAccount> find(String userId) {
        return KeycloakCalls.call(USER, userId, () -> {
            try {
                return realm.users().get(userId).toRepresentation();
            } catch (NotFoundException missing) {
                return null;
            }
        }).map(KeycloakUserDirectory::toAccount);
    }

    @Override
    public Mono<List<UserAccount>> search(String query, int first, int max) {
        return KeycloakCalls.call(USER, query, () -> query == null || query.isBlank()
                        ? realm.users().search(null, first, max, false)
                        : realm.users().search(query.strip(), first, max, false))
                .map(users -> users.stream().map(KeycloakUserDirectory::toAccount).toList());
    }

    @Override
    public Mono<String> create(NewUserAccount user) {
        return KeycloakCalls.call(USER, user.username(), () -> {
            UserRepresentation representation = new UserRepresentation();
            representation.setUsername(user.username());
            representation.setEmail(user.email());
            representation.setFirstName(user.firstName());
            representation.setLastName(user.lastName());
            representation.setEnabled(true);
            representation.setEmailVerified(false);
            if (user.tenantId() != null) {
                representation.setAttributes(Map.of(TENANT_ATTRIBUTE, List.of(user.tenantId())));
            }
            if (user.initialPassword() != null) {
                CredentialRepresentation password = new CredentialRepresentation();
                password.setType(CredentialRepresentation.PASSWORD);
                password.setValue(user.initialPassword());
                password.setTemporary(user.temporaryPassword());
                representation.setCredentials(List.of(password));
            }
            String id;
            try (Response response = realm.users().create(representation)) {
                if (response.getStatus() != 201) {
                    // translated while the response is still open, so the problem can quote Keycloak's reason
                    throw (RuntimeException) KeycloakCalls.translate(new WebApplicationException(response), USER,
                            user.username());
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            if (user.admin()) {
                realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get("admin").toRepresentation()));
            }
            return id;
        });
    }

    @Override
    public Mono<UserAccount> updateProfile(String userId, ProfileChange change) {
        return KeycloakCalls.call(USER, userId, () -> {
            UserResource resource = realm.users().get(userId);
            UserRepresentation user = resource.toRepresentation();
            if (!Objects.equals(user.getEmail(), change.email())) {
                user.setEmailVerified(false);
            }
            user.setFirstName(change.firstName());
            user.setLastName(change.lastName());
            user.setEmail(change.email());
            setAttribute(user, AVATAR_ATTRIBUTE, change.avatarUrl());
            resource.update(user);
            return resource.toRepresentation();
        }).map(KeycloakUserDirectory::toAccount);
    }

    @Override
    public Mono<Void> setEnabled(String userId, boolean enabled) {
        return KeycloakCalls.run(USER, userId, () -> {
            UserResource resource = realm.users().get(userId);
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            resource.update(user);
        });
    }

    @Override
    public Mono<Void> setTenant(String userId, String tenantId) {
        return KeycloakCalls.run(USER, userId, () -> {
            UserResource resource = realm.users().get(userId);
            UserRepresentation user = resource.toRepresentation();
            setAttribute(user, TENANT_ATTRIBUTE, tenantId);
            resource.update(user);
        });
    }

    @Override
    public Mono<Integer> removeOtpCredentials(String userId) {
        return KeycloakCalls.call(USER, userId, () -> {
            UserResource resource = realm.users().get(userId);
            int removed = 0;
            for (CredentialRepresentation credential : resource.credentials()) {
                if (CredentialRepresentation.TOTP.equals(credential.getType())
                    || CredentialRepresentation.HOTP.equals(credential.getType())
                    || "otp".equals(credential.getType())) {
                    resource.removeCredential(credential.getId());
                    removed++;
                }
            }
            return removed;
        });
    }

    @Override
    public Mono<Lockout> lockout(String userId) {
        return KeycloakCalls.call(USER, userId, () -> realm.attackDetection().bruteForceUserStatus(userId))
                .map(KeycloakUserDirectory::toLockout);
    }

    @Override
    public Mono<Void> unlock(String userId) {
        return KeycloakCalls.run(USER, userId, () -> realm.attackDetection().clearBruteForceForUser(userId));
    }

    private static void setAttribute(UserRepresentation user, String name, String value) {
        Map<String, List<String>> attributes = user.getAttributes() == null
                ? new HashMap<>() : new HashMap<>(user.getAttributes());
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, List.of(value));
        }
        user.setAttributes(attributes);
    }

    static Lockout toLockout(Map<String, Object> status) {
        boolean locked = Boolean.TRUE.equals(status.get("disabled"));
        int failures = status.get("numFailures") instanceof Number number ? number.intValue() : 0;
        Instant lastFailure = status.get("lastFailure") instanceof Number millis && millis.longValue() > 0
                ? Instant.ofEpochMilli(millis.longValue()) : null;
        return new Lockout(locked, failures, lastFailure);
    }

    static UserAccount toAccount(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes() == null ? Map.of() : user.getAttributes();
        return new UserAccount(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), Boolean.TRUE.equals(user.isEnabled()), first(attributes, TENANT_ATTRIBUTE),
                first(attributes, AVATAR_ATTRIBUTE),
                user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp()));
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
