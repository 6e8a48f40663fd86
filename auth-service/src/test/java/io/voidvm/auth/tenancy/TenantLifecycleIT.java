package io.voidvm.auth.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.auth.tenancy.app.TenantAdoption;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/**
 * A tenant's life (ADR 0018): adopted from the realm's users at start-up and by the periodic reconcile, created
 * when an admin assigns a user to it, deleted only once it owns nothing.
 */
class TenantLifecycleIT extends AbstractAuthIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TenantAdoption adoption;

    @Test
    void theRealmsDemoTenantsExistWithTheirUsersAsMembersOnceTheServiceRuns() {
        String admin = platformToken();
        await().atMost(WAIT).untilAsserted(() -> {
            for (String tenant : List.of("acme", "globex", "demo")) {
                get("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.id").isEqualTo(tenant).jsonPath("$.displayName").isEqualTo(tenant);
            }
        });
        get("/api/v1/tenants?limit=200", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(List.class, ids -> assertThat(ids)
                        .contains("acme", "demo", "globex"));
        String alice = userId("alice");
        await().atMost(WAIT).untilAsserted(() -> get("/api/v1/tenants/acme/members?limit=200", admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.userId=='" + alice + "')].role").isEqualTo(List.of("member")));
        String machine = realm().clients().findByClientId("voidvm-machine").getFirst().getId();
        String machineAccount = realm().clients().get(machine).getServiceAccountUser().getId();
        get("/api/v1/tenants/demo/members?limit=200", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").value(List.class, ids -> assertThat(ids)
                        .contains(userId("demo"), userId("admin")).doesNotContain(machineAccount));
        get("/api/v1/audit?action=TENANT_CREATED&tenantId=acme", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].actor").isEqualTo("auth-service")
                .jsonPath("$.items[0].detail").value(String.class, detail -> assertThat(detail).contains("adopted"));
    }

    @Test
    void aUserGivenATenantInKeycloakHasItWithinAReconcile() {
        String admin = platformToken();
        String tenant = unique("kc");
        String userId = createUserInKeycloak(unique("kcuser"), tenant, List.of());

        await().atMost(WAIT).untilAsserted(() -> get("/api/v1/tenants/" + tenant + "/members", admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").isEqualTo(List.of(userId)));
    }

    @Test
    void passesRunningAtOnceAdoptATenantOnceWithOneMembershipAndOneAuditEntry() {
        String admin = platformToken();
        String tenant = unique("twice");
        String userId = createUserInKeycloak(unique("twice"), tenant, List.of());

        // the periodic pass may run alongside, as another instance's would
        Flux.merge(adoption.reconcile(), adoption.reconcile(), adoption.reconcile()).blockLast(WAIT);

        get("/api/v1/tenants/" + tenant + "/members", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").isEqualTo(List.of(userId));
        get("/api/v1/audit?action=TENANT_CREATED&tenantId=" + tenant, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        get("/api/v1/audit?action=MEMBER_ADDED&tenantId=" + tenant, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].target").isEqualTo(userId);
    }

    @Test
    void anAdminAssigningAUserToATenantThatDoesNotExistCreatesIt() {
        String admin = platformToken();
        String platform = KeycloakTokens.claims(admin).path("sub").asString();
        String created = unique("assigned");
        String userId = (String) ((Map<?, ?>) post("/api/v1/admin/users", admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(newUser(unique("assignee"), created))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("user")).get("id");

        get("/api/v1/tenants/" + created, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo(created);
        get("/api/v1/tenants/" + created + "/members", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").isEqualTo(List.of(userId));
        // the user exists in Keycloak, naming the tenant, a moment before the membership: a reconcile pass may
        // create the tenant in that moment, so only the membership is surely the admin's
        get("/api/v1/audit?action=MEMBER_ADDED&tenantId=" + created, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.actor=='" + platform + "')].target").isEqualTo(List.of(userId));

        String moved = unique("moved");
        post("/api/v1/tenants/" + moved + "/members", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId)).exchange().expectStatus().isCreated();
        get("/api/v1/tenants/" + moved + "/members", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].userId").isEqualTo(List.of(userId));
        get("/api/v1/audit?action=TENANT_CREATED&tenantId=" + moved, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].actor").isEqualTo(platform);
        get("/api/v1/tenants/" + created + "/members", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);

        String refused = unique("refused");
        post("/api/v1/tenants/" + refused + "/members", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", "no-such-user")).exchange().expectStatus().isNotFound();
        get("/api/v1/tenants/" + refused, admin).exchange().expectStatus().isNotFound();
    }

    @Test
    void aTenantIsDeletedOnlyOnceItOwnsNoResourcesAndHasNoMembers() {
        String admin = platformToken();
        String platform = KeycloakTokens.claims(admin).path("sub").asString();
        String tenant = unique("del");
        post("/api/v1/tenants", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", tenant, "displayName", "Doomed")).exchange().expectStatus().isCreated();
        put("/api/v1/tenants/" + tenant + "/quotas", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 1, "vcpus", 1, "memoryMb", 512, "diskGb", 5, "images", 0, "imageGb", 0))
                .exchange().expectStatus().isOk();
        put("/internal/v1/usage/" + tenant, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 2, "diskGb", 40, "images", 0)).exchange().expectStatus().isOk();

        delete("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("conflict")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("vms=2").contains("diskGb=40").doesNotContain("images"));

        put("/internal/v1/usage/" + tenant, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 0, "diskGb", 0)).exchange().expectStatus().isOk();
        String userId = createUserInKeycloak(unique("leaver"), tenant, List.of());
        post("/api/v1/tenants/" + tenant + "/members", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId)).exchange().expectStatus().isCreated();
        delete("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("1 member").doesNotContain("vms"));

        delete("/api/v1/tenants/" + tenant + "/members/" + userId, admin).exchange().expectStatus().isNoContent();
        delete("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isNoContent();

        get("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isNotFound();
        delete("/api/v1/tenants/" + tenant, admin).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/v1/audit?action=TENANT_DELETED&tenantId=" + tenant, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].actor").isEqualTo(platform)
                .jsonPath("$.items[0].target").isEqualTo(tenant);
        // its quota went with it: the same id again starts from the defaults
        post("/api/v1/tenants", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", tenant, "displayName", "Again")).exchange().expectStatus().isCreated();
        get("/api/v1/tenants/" + tenant + "/quotas", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.configured").isEqualTo(false);
    }

    private static String userId(String username) {
        return realm().users().searchByUsername(username, true).getFirst().getId();
    }

    private static Map<String, Object> newUser(String username, String tenantId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@it.example");
        body.put("firstName", "Test");
        body.put("lastName", "User");
        body.put("tenantId", tenantId);
        body.put("initialPassword", USER_PASSWORD);
        body.put("temporaryPassword", false);
        return body;
    }
}
