package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** API clients: Keycloak's own tokens pass; tokens wrong in exactly one way get a 401 problem. */
class BearerTokenIT extends GatewayIntegrationTest {

    private final KeycloakTokens keycloak = KEYCLOAK.tokens();

    @Test
    void clientCredentialsTokenReachesTheServiceUnchanged() {
        String token = keycloak.clientCredentials(VoidvmRealm.MACHINE);
        client.get().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("vm GET /api/v1/vms");
        assertThat(DOWNSTREAMS.last("vm").header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(KeycloakTokens.claims(token).get("tenant").asString()).isEqualTo("demo");
    }

    @Test
    void passwordGrantTokenOfAnotherTenantPassesToo() {
        String token = keycloak.password(VoidvmRealm.BOB);
        client.get().uri("/api/v1/networks")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();
        JsonNode relayed = KeycloakTokens.claims(
                DOWNSTREAMS.last("network").header(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()));
        assertThat(relayed.get("tenant").asString()).isEqualTo("globex");
    }

    @Test
    void aTestTokenWithNothingWrongPasses() {
        // the control for the rejections below: the same key and claims, minus the one defect
        client.get().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(TOKENS.signed(TOKENS.claims("bearer-control"))))
                .exchange()
                .expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "wrongly-signed", "wrong-issuer", "wrong-audience"})
    void tokenWrongInOneWayIsUnauthorized(String defect) {
        String token = switch (defect) {
            case "expired" -> TOKENS.signed(TOKENS.claims("bearer-expired")
                    .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));
            case "wrongly-signed" -> TOKENS.signedByStranger(TOKENS.claims("bearer-stranger"));
            case "wrong-issuer" -> TOKENS.signed(TOKENS.claims("bearer-issuer")
                    .issuer(KEYCLOAK.url() + "/realms/master"));
            case "wrong-audience" -> TOKENS.signed(TOKENS.claims("bearer-audience").audience(List.of("account")));
            default -> throw new IllegalArgumentException(defect);
        };
        client.get().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void noTokenIsUnauthorizedWithAChallengeAndNoRedirect() {
        client.get().uri("/api/v1/vms").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://voidvm.io/problems/unauthorized");
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenAndGetNoSession() {
        client.post().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(TOKENS.valid("bearer-post")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"web-1\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).isEqualTo("vm POST /api/v1/vms");
        assertThat(DOWNSTREAMS.last("vm").bodyBytes()).isEqualTo(16);
    }
}
