package io.voidvm.auth.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.springframework.http.MediaType;

/** User administration through Keycloak's admin API, and the realm's lockout and MFA rules it relies on. */
class UserAdministrationIT extends AbstractAuthIT {

    private String tenant;

    @Test
    void sixWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() {
        String admin = platformToken();
        String username = unique("lockme");
        String userId = createUser(admin, username, false);

        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThatThrownBy(() -> tokens().password(username, "Wrong-pass1!"))
                    .isInstanceOfSatisfying(KeycloakTokens.TokenRequestFailed.class,
                            failed -> assertThat(failed.error()).isEqualTo("invalid_grant"));
        }

        assertThat(realm().attackDetection().bruteForceUserStatus(userId)).containsEntry("disabled", true);
        get("/api/v1/admin/users/" + userId, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.lockout.locked").isEqualTo(true)
                .jsonPath("$.user.enabled").isEqualTo(true);
        assertThatThrownBy(() -> tokens().password(username, USER_PASSWORD))
                .isInstanceOf(KeycloakTokens.TokenRequestFailed.class);

        // Keycloak's login events reach the audit log through the poller
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("/api/v1/audit?action=LOGIN_FAILED", admin).exchange().expectStatus().isOk()
                        .expectBody(String.class).value(body -> assertThat(body)
                                .contains(userId).contains("user_temporarily_disabled")));

        post("/api/v1/admin/users/" + userId + "/unlock", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.locked").isEqualTo(false).jsonPath("$.failures").isEqualTo(0);
        assertThat(tokens().password(username, USER_PASSWORD)).isNotBlank();
        get("/api/v1/audit?action=USER_UNLOCKED", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].target").isEqualTo(userId);
    }

    @Test
    void anAdminWithoutTotpCannotFinishLoggingInWhileAUserCan() throws Exception {
        BrowserLogin login = new BrowserLogin(keycloak().issuerUri());
        assertThat(login.submit("admin", VoidvmRealm.ADMIN.password()))
                .contains("/login-actions/required-action").contains("execution=CONFIGURE_TOTP")
                .doesNotContain("code=");

        String admin = platformToken();
        String newAdmin = unique("ops");
        createUser(admin, newAdmin, true);
        assertThat(login.submit(newAdmin, USER_PASSWORD)).contains("execution=CONFIGURE_TOTP");
        String newUser = unique("dev");
        createUser(admin, newUser, false);
        assertThat(login.submit(newUser, USER_PASSWORD)).startsWith(BrowserLogin.REDIRECT_URI).contains("code=");
    }

    @Test
    void resetMfaRemovesTheOtpDeviceAndDisableStopsLogins() {
        String admin = platformToken();
        String username = unique("otp");
        String userId = createUserInKeycloak(username, "acme", List.of(otpCredential()));
        assertThat(realm().users().get(userId).credentials()).extracting(CredentialRepresentation::getType)
                .contains("otp");

        post("/api/v1/admin/users/" + userId + "/reset-mfa", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.removedOtpCredentials").isEqualTo(1);
        assertThat(realm().users().get(userId).credentials()).extracting(CredentialRepresentation::getType)
                .containsExactly("password");

        assertThat(tokens().password(username, USER_PASSWORD)).isNotBlank();
        post("/api/v1/admin/users/" + userId + "/disable", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user.enabled").isEqualTo(false);
        assertThatThrownBy(() -> tokens().password(username, USER_PASSWORD))
                .isInstanceOf(KeycloakTokens.TokenRequestFailed.class);
        post("/api/v1/admin/users/no-such-user/disable", admin).exchange().expectStatus().isNotFound();
    }

    @Test
    void creatingADuplicateUserOrOneBreakingThePasswordPolicyIsRefused() {
        String admin = platformToken();
        String username = unique("dup");
        createUser(admin, username, false);
        post("/api/v1/admin/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(username + "2", username + "@it.example", USER_PASSWORD, false, null))
                .exchange().expectStatus().isEqualTo(409);
        post("/api/v1/admin/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(unique("weak"), unique("weak") + "@it.example", "weakpassword", false, null))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void usersArePagedWithAnOpaqueCursor() {
        String admin = platformToken();
        Map<?, ?> first = get("/api/v1/admin/users?limit=2", admin).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        Map<?, ?> second = get("/api/v1/admin/users?limit=2&cursor=" + first.get("nextCursor"), admin).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Object> firstItems = List.copyOf((List<?>) first.get("items"));
        List<Object> secondItems = List.copyOf((List<?>) second.get("items"));
        assertThat(secondItems).isNotEmpty().doesNotContainAnyElementsOf(firstItems);
    }

    private String createUser(String admin, String username, boolean isAdmin) {
        return post("/api/v1/admin/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(username, username + "@it.example", USER_PASSWORD, isAdmin, tenant(admin)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("user") instanceof Map<?, ?> user ? (String) user.get("id") : null;
    }

    /** Users created here join a tenant of their own, created once per test instance. */
    private String tenant(String admin) {
        if (tenant == null) {
            tenant = unique("users");
            post("/api/v1/tenants", admin).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("id", tenant, "displayName", "Users IT")).exchange().expectStatus().isCreated();
        }
        return tenant;
    }

    private static Map<String, Object> body(String username, String email, String password, boolean isAdmin,
                                            String tenantId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", "Test");
        body.put("lastName", "User");
        body.put("tenantId", tenantId);
        body.put("admin", isAdmin);
        body.put("initialPassword", password);
        body.put("temporaryPassword", false);
        return body;
    }

    /** A TOTP device as Keycloak stores it, so the test needs no authenticator app. */
    private static CredentialRepresentation otpCredential() {
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("it phone");
        otp.setSecretData("{\"value\":\"JBSWY3DPEHPK3PXP\"}");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                + "\"algorithm\":\"HmacSHA1\"}");
        return otp;
    }
}
