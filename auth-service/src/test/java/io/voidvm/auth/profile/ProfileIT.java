package io.voidvm.auth.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.auth.it.AbstractAuthIT;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.MediaType;

/** {@code /api/v1/users/profile} reads and writes the caller's Keycloak user. */
class ProfileIT extends AbstractAuthIT {

    @Test
    void profileRoundTripsThroughKeycloakAndKeepsTheTenant() {
        String username = unique("profile");
        String userId = createUserInKeycloak(username, "globex", List.of());
        String token = tokens().password(username, USER_PASSWORD);

        get("/api/v1/users/profile", token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(userId)
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.displayName").isEqualTo("Test User")
                .jsonPath("$.tenantId").isEqualTo("globex")
                .jsonPath("$.roles").isEqualTo(List.of("user"));

        put("/api/v1/users/profile", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update("Ada", "Lovelace", username + "@new.example", "https://cdn.example/ada.png"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Ada Lovelace")
                .jsonPath("$.avatarUrl").isEqualTo("https://cdn.example/ada.png");

        UserRepresentation stored = realm().users().get(userId).toRepresentation();
        assertThat(stored.getFirstName()).isEqualTo("Ada");
        assertThat(stored.getEmail()).isEqualTo(username + "@new.example");
        assertThat(stored.getAttributes()).containsEntry("avatarUrl", List.of("https://cdn.example/ada.png"))
                .containsEntry("tenant", List.of("globex"));
        get("/api/v1/users/profile", token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(username + "@new.example")
                .jsonPath("$.avatarUrl").isEqualTo("https://cdn.example/ada.png");

        put("/api/v1/users/profile", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update("Ada", "Lovelace", username + "@new.example", null))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.avatarUrl").doesNotExist();
        assertThat(realm().users().get(userId).toRepresentation().getAttributes()).doesNotContainKey("avatarUrl")
                .containsEntry("tenant", List.of("globex"));
    }

    @Test
    void onlyHttpsAvatarsOfBoundedLengthAreAccepted() {
        String username = unique("avatar");
        createUserInKeycloak(username, "globex", List.of());
        String token = tokens().password(username, USER_PASSWORD);
        for (String bad : List.of("http://cdn.example/a.png", "javascript:alert(1)", "https:///nohost",
                "https://cdn.example/" + "a".repeat(2100))) {
            put("/api/v1/users/profile", token).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(update("A", "B", username + "@it.example", bad))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("avatarUrl");
        }
    }

    @Test
    void anEmailAnotherUserHasIsAConflict() {
        String username = unique("email");
        createUserInKeycloak(username, "globex", List.of());
        put("/api/v1/users/profile", tokens().password(username, USER_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update("A", "B", "alice@acme.example", null))
                .exchange().expectStatus().isEqualTo(409);
    }

    private static Map<String, Object> update(String first, String last, String email, String avatar) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        body.put("avatarUrl", avatar);
        return body;
    }
}
