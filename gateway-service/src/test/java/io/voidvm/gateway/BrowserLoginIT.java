package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The backend-for-frontend login, driven like a browser: authorization code + PKCE through the real
 * Keycloak login form, a session cookie back, the access token relayed to the service, CSRF on writes.
 */
class BrowserLoginIT extends GatewayIntegrationTest {

    private static final String SESSION_COOKIE = "VOIDVM_SESSION";

    @BeforeEach
    void letKeycloakRedirectToThisGateway() {
        new KeycloakRealmAdmin(KEYCLOAK).allowGatewayOn(port);
    }

    @Test
    void codeFlowWithPkceReachesTheApiWithTheUsersToken() {
        BrowserSession browser = loggedIn(VoidvmRealm.ALICE);

        String sessionCookie = browser.setCookieLine(SESSION_COOKIE);
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");

        HttpResponse<String> vms = browser.get(gatewayUrl("/api/v1/vms"));
        assertThat(vms.statusCode()).isEqualTo(200);
        assertThat(vms.body()).isEqualTo("vm GET /api/v1/vms");

        FakeDownstreams.Seen seen = DOWNSTREAMS.last("vm");
        assertThat(seen.header(HttpHeaders.AUTHORIZATION)).startsWith("Bearer ");
        JsonNode claims = KeycloakTokens.claims(seen.header(HttpHeaders.AUTHORIZATION).substring(7));
        assertThat(claims.get("tenant").asString()).isEqualTo("acme");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("alice");
        assertThat(claims.get("azp").asString()).isEqualTo(VoidvmRealm.GATEWAY.clientId());
        // the session id stays between browser and gateway
        assertThat(seen.header(HttpHeaders.COOKIE)).isNull();
    }

    @Test
    void stateChangingBrowserRequestsNeedTheCsrfToken() {
        BrowserSession browser = loggedIn(VoidvmRealm.ALICE);
        String csrf = browser.cookie(gatewayUrl("/"), "XSRF-TOKEN");
        assertThat(csrf).as("XSRF-TOKEN cookie for the SPA").isNotBlank();
        assertThat(browser.setCookieLine("XSRF-TOKEN")).doesNotContainIgnoringCase("HttpOnly");
        long before = DOWNSTREAMS.seen("vm").size();

        HttpResponse<String> forged = browser.send(post("/api/v1/vms/csrf-1/start", null));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("\"code\":\"csrf-token-invalid\"");
        assertThat(DOWNSTREAMS.seen("vm")).hasSize((int) before);

        HttpResponse<String> genuine = browser.send(post("/api/v1/vms/csrf-1/start", csrf));
        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).isEqualTo("vm POST /api/v1/vms/csrf-1/start");
    }

    @Test
    void withoutASessionTheApiAnswers401AndPagesRedirectToLogin() {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> api = browser.get(gatewayUrl("/api/v1/vms"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"unauthorized\"");

        HttpResponse<String> login = browser.get(gatewayUrl("/oauth2/authorization/keycloak"));
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> authorize = BrowserSession.queryOf(BrowserSession.location(login));
        assertThat(BrowserSession.location(login)).startsWith(KEYCLOAK.issuerUri() + "/protocol/openid-connect/auth");
        assertThat(authorize).containsEntry("client_id", "voidvm-gateway")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge")
                .containsEntry("redirect_uri", gatewayUrl("/login/oauth2/code/keycloak"));
    }

    @Test
    void protectedPageNavigationRedirectsToTheLogin() {
        HttpResponse<String> page = new BrowserSession().send(HttpRequest.newBuilder(
                URI.create(gatewayUrl("/actuator/env"))).header("Accept", "text/html,application/xhtml+xml").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(BrowserSession.location(page)).endsWith("/oauth2/authorization/keycloak");
    }

    @Test
    void logoutEndsTheSessionAtTheGatewayAndAtKeycloak() {
        BrowserSession browser = loggedIn(VoidvmRealm.ALICE);
        String csrf = browser.cookie(gatewayUrl("/"), "XSRF-TOKEN");
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(gatewayUrl("/logout")))
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(BrowserSession.location(logout))
                .startsWith(KEYCLOAK.issuerUri() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        assertThat(browser.get(gatewayUrl("/api/v1/vms")).statusCode()).isEqualTo(401);
    }

    private HttpRequest.Builder post(String path, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        return csrf == null ? request : request.header("X-XSRF-TOKEN", csrf);
    }

    /** Start at the gateway, log in on Keycloak's form, come back with a session; no redirect is followed blindly. */
    private BrowserSession loggedIn(VoidvmRealm.User user) {
        BrowserSession browser = new BrowserSession();
        HttpResponse<String> start = browser.get(gatewayUrl("/oauth2/authorization/keycloak"));
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> loginPage = browser.get(BrowserSession.location(start));
        HttpResponse<String> afterLogin = browser.submitLogin(loginPage, user.username(), user.password());
        assertThat(afterLogin.statusCode()).as("Keycloak's answer to the login form").isEqualTo(302);
        String callback = BrowserSession.location(afterLogin);
        assertThat(callback).startsWith(gatewayUrl("/login/oauth2/code/keycloak?"));
        HttpResponse<String> landed = browser.get(callback);
        assertThat(landed.statusCode()).as("gateway's answer to the code").isEqualTo(302);
        assertThat(BrowserSession.location(landed)).isIn("/", gatewayUrl("/"));
        assertThat(browser.cookie(gatewayUrl("/"), SESSION_COOKIE)).isNotBlank();
        // any browser page load hands out the CSRF cookie
        assertThat(browser.get(gatewayUrl("/")).statusCode()).isEqualTo(200);
        return browser;
    }
}
