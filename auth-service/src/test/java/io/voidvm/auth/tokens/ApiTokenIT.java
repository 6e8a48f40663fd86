package io.voidvm.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API tokens against the real Keycloak: the secret works once created, and stops working when revoked or expired. */
class ApiTokenIT extends AbstractAuthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    @Test
    void aCreatedTokenMintsTenantScopedJwtsUntilRevoked() {
        String alice = tokenOf(VoidvmRealm.ALICE);
        JsonNode created = create(alice, Map.of("name", "ci pipeline"));
        String id = created.at("/token/id").asString();
        String clientId = created.at("/token/clientId").asString();
        String secret = created.path("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.path("tokenUrl").asString()).isEqualTo(keycloak().issuerUri() + "/protocol/openid-connect/token");
        assertThat(created.at("/token/status").asString()).isEqualTo("ACTIVE");

        String jwt = tokens().clientCredentials(clientId, secret);
        JsonNode claims = KeycloakTokens.claims(jwt);
        assertThat(claims.path("tenant").asString()).isEqualTo("acme");
        assertThat(strings(claims.path("roles"))).contains("user").doesNotContain("admin");
        assertThat(claims.path("voidvm_token_id").asString()).isEqualTo(id);
        assertThat(claims.toString()).contains("voidvm-api");
        get("/api/v1/users/usage", jwt).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tenantId").isEqualTo("acme");
        post("/api/v1/tokens", jwt).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "child"))
                .exchange().expectStatus().isForbidden();

        String listed = get("/api/v1/tokens", alice).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(id).contains("ci pipeline").doesNotContain(secret);
        get("/api/v1/tokens", tokenOf(VoidvmRealm.BOB)).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(id));

        client.delete().uri("/api/v1/tokens/" + id).headers(h -> h.setBearerAuth(tokenOf(VoidvmRealm.BOB)))
                .exchange().expectStatus().isNotFound();
        client.delete().uri("/api/v1/tokens/" + id).headers(h -> h.setBearerAuth(alice))
                .exchange().expectStatus().isNoContent();

        assertThatThrownBy(() -> tokens().clientCredentials(clientId, secret))
                .isInstanceOf(KeycloakTokens.TokenRequestFailed.class);
        assertThat(realm().clients().findByClientId(clientId)).isEmpty();
        get("/api/v1/tokens", alice).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id=='" + id + "')].status").isEqualTo(List.of("REVOKED"));
        String admin = platformToken();
        get("/api/v1/audit?action=TOKEN_REVOKED", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].target").isEqualTo(id);
        get("/api/v1/audit?action=TOKEN_CREATED&tenantId=acme", admin).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains(id).doesNotContain(secret));
    }

    @Test
    void theKeycloakClientCarriesTheRequestedExpiry() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode created = create(tokenOf(VoidvmRealm.BOB), Map.of("name", "short", "expiresAt", expiresAt.toString()));
        String clientId = created.at("/token/clientId").asString();
        assertThat(created.at("/token/expiresAt").asString()).isEqualTo(expiresAt.toString());
        // Keycloak refuses the secret after this instant (KeycloakApiClientsIT shows it)
        assertThat(realm().clients().findByClientId(clientId).getFirst().getAttributes())
                .containsEntry("client.secret.expiration.time", String.valueOf(expiresAt.getEpochSecond()));
        assertThat(tokens().clientCredentials(clientId, created.path("secret").asString())).isNotBlank();
    }

    @Test
    void theSweepDeletesTheClientOfAnExpiredToken() {
        String bob = tokenOf(VoidvmRealm.BOB);
        JsonNode created = create(bob, Map.of("name", "to expire"));
        String id = created.at("/token/id").asString();
        String clientId = created.at("/token/clientId").asString();

        // time travel on auth-service's side: the row says the expiry has passed
        db.sql("UPDATE api_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'"
                        + " WHERE id = :id::uuid").bind("id", id).fetch().rowsUpdated().block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(realm().clients().findByClientId(clientId)).isEmpty());
        assertThatThrownBy(() -> tokens().clientCredentials(clientId, created.path("secret").asString()))
                .isInstanceOf(KeycloakTokens.TokenRequestFailed.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get("/api/v1/tokens", bob).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.items[?(@.id=='" + id + "')].status").isEqualTo(List.of("EXPIRED")));
    }

    @Test
    void anExpiryBeyondTheMaximumIsRefusedNamingTheField() {
        post("/api/v1/tokens", tokenOf(VoidvmRealm.BOB)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "forever", "expiresAt", Instant.now().plus(Duration.ofDays(400)).toString()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresAt");
        post("/api/v1/tokens", platformToken()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "no tenant")).exchange().expectStatus().isForbidden();
        // Spring's codecs are still Jackson 3 with strict bodies, the admin client's Jackson 2 notwithstanding
        post("/api/v1/tokens", tokenOf(VoidvmRealm.BOB)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "typo", "expiresAtt", "soon")).exchange().expectStatus().isBadRequest();
    }

    private JsonNode create(String token, Map<String, String> body) {
        String response = post("/api/v1/tokens", token).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asString()));
        return values;
    }
}
