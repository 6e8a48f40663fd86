package io.voidvm.servicekit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Tokens are checked for signature, issuer, audience and tenant; refusals are problems. */
class ResourceServerSecurityTest extends WebSliceTest {

    @Test
    void noTokenIs401ProblemWithChallenge() {
        client.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.type").isEqualTo("https://voidvm.io/problems/unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/v1/me");
    }

    @Test
    void pathsTheFirewallRefusesAre400Problems(@org.springframework.boot.test.web.server.LocalServerPort int port) {
        for (String path : List.of("/api/v1/me/a%2Fb", "/api/v1/me/%2e%2e/x", "/api/v1/me;jsessionid=1")) {
            client.get().uri(java.net.URI.create("http://127.0.0.1:" + port + path)).header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        }
    }

    @Test
    void unknownRouteWithoutTokenIs401NotA404() {
        client.get().uri("/api/v1/nothing-here").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void forgedSignatureIs401InvalidToken() {
        String token = JWTS.forgedToken(Map.of("sub", "mallory", "tenant", "tenant-a", "roles", List.of("admin")));
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void wrongAudienceIs401() {
        String token = JWTS.tokenWithAudience(Map.of("sub", "alice", "tenant", "tenant-a"), List.of("account"));
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void wrongIssuerIs401() {
        String token = JWTS.tokenFromIssuer(Map.of("sub", "alice", "tenant", "tenant-a"),
                "http://127.0.0.1:1/realms/other");
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void userWithTenantIsResolvedAsCaller() {
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("alice")
                .jsonPath("$.tenantId").isEqualTo("tenant-a")
                .jsonPath("$.roles[0]").isEqualTo("user")
                .jsonPath("$.admin").isEqualTo(false);
    }

    @Test
    void nonAdminWithoutTenantIs403Problem() {
        String token = JWTS.token(Map.of("sub", "bob", "roles", List.of("user")));
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no tenant"));
    }

    @Test
    void adminWithoutTenantIsAllowedWithKeycloakRealmRoles() {
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(JWTS.admin("root"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("root")
                .jsonPath("$.tenantId").doesNotExist()
                .jsonPath("$.admin").isEqualTo(true);
    }

    @Test
    void realmRolesBecomeRoleAuthorities() {
        client.get().uri("/api/v1/authorities").header(HttpHeaders.AUTHORIZATION, bearer(JWTS.admin("root")))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<String>>() { })
                .value(authorities -> assertThat(authorities.stream().filter(a -> a.startsWith("ROLE_")))
                        .containsExactly("ROLE_admin", "ROLE_user"));
    }

    @Test
    void probesMetricsAndInfoNeedNoToken() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsStayClosed() {
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }
}
