package io.voidvm.testsupport.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithKeycloak
class KeycloakServerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void passwordGrantTokenCarriesIssuerTenantRolesAndAudience(KeycloakServer keycloak, KeycloakTokens tokens) {
        JsonNode claims = KeycloakTokens.claims(tokens.password(VoidvmRealm.ALICE));

        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.path("tenant").asString()).isEqualTo("acme");
        assertThat(strings(claims.path("roles"))).contains("user").doesNotContain("admin");
        assertThat(strings(claims.path("aud"))).contains(VoidvmRealm.API_AUDIENCE);
        assertThat(claims.path("preferred_username").asString()).isEqualTo("alice");
    }

    @Test
    void everyDemoUserGetsTheirTenantAndOnlyTheAdminGetsAdmin(KeycloakTokens tokens) {
        for (VoidvmRealm.User user : List.of(VoidvmRealm.DEMO, VoidvmRealm.ADMIN, VoidvmRealm.BOB)) {
            JsonNode claims = KeycloakTokens.claims(tokens.password(user));

            assertThat(claims.path("tenant").asString()).as(user.username()).isEqualTo(user.tenant());
            assertThat(strings(claims.path("roles")).contains("admin")).as(user.username()).isEqualTo(user.admin());
        }
    }

    @Test
    void machineClientCredentialsCarryRoleUserAndTheFixedTenant(KeycloakTokens tokens) {
        JsonNode claims = KeycloakTokens.claims(tokens.clientCredentials(VoidvmRealm.MACHINE));

        assertThat(claims.path("azp").asString()).isEqualTo("voidvm-machine");
        assertThat(claims.path("tenant").asString()).isEqualTo("demo");
        assertThat(strings(claims.path("roles"))).contains("user").doesNotContain("admin");
        assertThat(strings(claims.path("aud"))).contains(VoidvmRealm.API_AUDIENCE);
    }

    @Test
    void platformClientCredentialsCarryRoleAdmin(KeycloakTokens tokens) {
        JsonNode claims = KeycloakTokens.claims(tokens.clientCredentials(VoidvmRealm.PLATFORM));

        assertThat(strings(claims.path("roles"))).contains("admin");
        assertThat(strings(claims.path("aud"))).contains(VoidvmRealm.API_AUDIENCE);
    }

    @Test
    void wrongPasswordAndWrongSecretAreRejected(KeycloakTokens tokens) {
        assertThatThrownBy(() -> tokens.password("bob", "Wrong-pass1!"))
                .isInstanceOfSatisfying(KeycloakTokens.TokenRequestFailed.class, failed -> {
                    assertThat(failed.status()).isEqualTo(401);
                    assertThat(failed.error()).isEqualTo("invalid_grant");
                });
        assertThatThrownBy(() -> tokens.clientCredentials("voidvm-machine", "not-the-secret"))
                .isInstanceOfSatisfying(KeycloakTokens.TokenRequestFailed.class,
                        failed -> assertThat(failed.error()).isEqualTo("unauthorized_client"));
    }

    @Test
    void shippedClientsRefuseThePasswordGrant(KeycloakServer keycloak) {
        KeycloakTokens viaGateway = new KeycloakTokens(keycloak.issuerUri());
        // the gateway secret is valid, but the grant type is not enabled on that client
        assertThatThrownBy(() -> viaGateway.clientCredentials(VoidvmRealm.GATEWAY))
                .isInstanceOf(KeycloakTokens.TokenRequestFailed.class);
    }

    @Test
    void springPropertiesAreExportedAndTheIssuerMetadataAgrees(KeycloakServer keycloak) throws Exception {
        assertThat(System.getProperty(KeycloakExtension.ISSUER_URI_PROPERTY)).isEqualTo(keycloak.issuerUri());
        assertThat(System.getProperty(KeycloakExtension.URL_PROPERTY)).isEqualTo(keycloak.url());

        HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(
                URI.create(keycloak.issuerUri() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metadata.body()).path("issuer").asString()).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void realmSecuritySettingsSurvivedTheImport(KeycloakServer keycloak) throws Exception {
        JsonNode realm = adminGet(keycloak, "/admin/realms/voidvm");

        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isEqualTo(1800);
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isEqualTo(1800);
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("passwordPolicy").asString()).isEqualTo("length(8) and upperCase(1) and lowerCase(1)"
                + " and digits(1) and specialChars(1) and forceExpiredPasswordChange(90)");
        assertThat(realm.path("otpPolicyType").asString()).isEqualTo("totp");
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isEqualTo(3600);
        assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isEqualTo(3600);
        assertThat(realm.path("browserFlow").asString()).isEqualTo("voidvm browser");
        JsonNode profile = adminGet(keycloak, "/admin/realms/voidvm/users/profile");
        assertThat(profile.path("attributes").findValuesAsString("name")).contains("tenant");
    }

    @Test
    void adminsMustSetUpTotpAtBrowserLoginWhileUsersGoStraightThrough(KeycloakServer keycloak) throws Exception {
        BrowserLogin login = new BrowserLogin(keycloak.issuerUri());

        assertThat(login.submit("demo", VoidvmRealm.DEMO.password()))
                .startsWith(BrowserLogin.REDIRECT_URI).contains("code=");
        assertThat(login.submit("admin", VoidvmRealm.ADMIN.password()))
                .contains("/login-actions/required-action").contains("execution=CONFIGURE_TOTP");
    }

    @Test
    void aUserKeepsAtMostFiveSessionsTheOldestIsEnded(KeycloakServer keycloak) throws Exception {
        BrowserLogin login = new BrowserLogin(keycloak.issuerUri());
        for (int i = 0; i < 7; i++) {
            assertThat(login.submit("demo", VoidvmRealm.DEMO.password())).as("login " + (i + 1))
                    .startsWith(BrowserLogin.REDIRECT_URI).contains("code=");
        }

        String userId = adminGet(keycloak, "/admin/realms/voidvm/users?exact=true&username=demo").get(0)
                .path("id").asString();
        JsonNode sessions = adminGet(keycloak, "/admin/realms/voidvm/users/" + userId + "/sessions");
        assertThat(sessions.size()).isEqualTo(5);
    }

    private static JsonNode adminGet(KeycloakServer keycloak, String path) throws Exception {
        String token = new KeycloakTokens(keycloak.url() + "/realms/master").passwordFor("admin-cli",
                keycloak.adminUser(), keycloak.adminPassword());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else if (node.isString()) {
            values.add(node.asString()); // a single audience is serialised as a plain string
        }
        return values;
    }
}
