package io.voidvm.auth.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Tenants, members, quotas, usage and the quota check, end to end through the HTTP API and Keycloak. */
class QuotaIT extends AbstractAuthIT {

    @Test
    void quotaCheckAllowsWithinTheLimitAndNamesTheQuotaAndItsNumbersWhenOver() {
        String admin = platformToken();
        String tenant = createTenant(admin);
        put("/api/v1/tenants/" + tenant + "/quotas", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 3, "vcpus", 8, "memoryMb", 8192, "diskGb", 100, "images", 2, "imageGb", 3))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.configured").isEqualTo(true).jsonPath("$.limits.vcpus").isEqualTo(8);
        put("/internal/v1/usage/" + tenant, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 2, "vcpus", 6, "memoryMb", 4096, "diskGb", 40))
                .exchange().expectStatus().isOk();

        post("/internal/v1/quota-checks", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "requested", Map.of("vms", 1, "vcpus", 2, "memoryMb", 2048)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.allowed").isEqualTo(true)
                .jsonPath("$.resources[?(@.resource=='vcpus')].used").isEqualTo(List.of(6))
                .jsonPath("$.resources[?(@.resource=='vcpus')].limit").isEqualTo(List.of(8));

        post("/internal/v1/quota-checks", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "requested", Map.of("vms", 1, "vcpus", 4)))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("quota-exceeded")
                .jsonPath("$.type").isEqualTo("https://voidvm.io/problems/quota-exceeded")
                .jsonPath("$.quota").isEqualTo("vcpus")
                .jsonPath("$.limit").isEqualTo(8)
                .jsonPath("$.used").isEqualTo(6)
                .jsonPath("$.requested").isEqualTo(4);
    }

    @Test
    void imageStorageIsCheckedAndReportedAsImageGbAndAReplacementMustNameIt() {
        String admin = platformToken();
        String tenant = createTenant(admin);
        put("/api/v1/tenants/" + tenant + "/quotas", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 3, "vcpus", 8, "memoryMb", 8192, "diskGb", 100, "images", 2))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("imageGb");
        put("/api/v1/tenants/" + tenant + "/quotas", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 3, "vcpus", 8, "memoryMb", 8192, "diskGb", 100, "images", 5, "imageGb", 3))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.limits.imageGb").isEqualTo(3);
        put("/internal/v1/usage/" + tenant, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("images", 1, "imageGb", 2)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.resources[?(@.resource=='imageGb')].used").isEqualTo(List.of(2));

        post("/internal/v1/quota-checks", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "requested", Map.of("images", 0, "imageGb", 0)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.resources[?(@.resource=='imageGb')].limit").isEqualTo(List.of(3));
        post("/internal/v1/quota-checks", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenant, "requested", Map.of("imageGb", 2)))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.quota").isEqualTo("imageGb").jsonPath("$.limit").isEqualTo(3)
                .jsonPath("$.used").isEqualTo(2).jsonPath("$.requested").isEqualTo(2);
    }

    @Test
    void aTenantWithoutARowHasTheConfiguredDefaults() {
        String admin = platformToken();
        post("/internal/v1/quota-checks", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", unique("fresh"), "requested", Map.of("vms", 11)))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.quota").isEqualTo("vms").jsonPath("$.limit").isEqualTo(10)
                .jsonPath("$.used").isEqualTo(0);
        get("/api/v1/tenants/acme/quotas", tokenOf(VoidvmRealm.ALICE)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.configured").isEqualTo(false)
                .jsonPath("$.limits.vms").isEqualTo(10).jsonPath("$.limits.memoryMb").isEqualTo(32768);
    }

    @Test
    void usageShowsUsedAgainstLimitForTheCallersTenant() {
        String admin = platformToken();
        put("/internal/v1/usage/globex", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("images", 4)).exchange().expectStatus().isOk();

        get("/api/v1/users/usage", tokenOf(VoidvmRealm.BOB)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tenantId").isEqualTo("globex")
                .jsonPath("$.resources[?(@.resource=='images')].used").isEqualTo(List.of(4))
                .jsonPath("$.resources[?(@.resource=='images')].limit").isEqualTo(List.of(10))
                .jsonPath("$.resources.length()").isEqualTo(6)
                .jsonPath("$.resources[?(@.resource=='imageGb')].limit").isEqualTo(List.of(200));
    }

    @Test
    void quotaChangesAndTenantCreationAreAudited() {
        String admin = platformToken();
        String tenant = createTenant(admin);
        put("/api/v1/tenants/" + tenant + "/quotas", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vms", 1, "vcpus", 1, "memoryMb", 512, "diskGb", 5, "images", 0, "imageGb", 0))
                .exchange().expectStatus().isOk();

        String platformSubject = KeycloakTokens.claims(admin).path("sub").asString();
        get("/api/v1/audit?tenantId=" + tenant, admin).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].action").isEqualTo("QUOTA_CHANGED")
                .jsonPath("$.items[0].actor").isEqualTo(platformSubject)
                .jsonPath("$.items[0].detail").value(detail -> assertThat((String) detail)
                        .contains("vms=10").contains("vms=1"))
                .jsonPath("$.items[1].action").isEqualTo("TENANT_CREATED");

        String cursor = get("/api/v1/audit?limit=1&tenantId=" + tenant, admin).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("nextCursor").toString();
        get("/api/v1/audit?limit=1&tenantId=" + tenant + "&cursor=" + cursor, admin).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].action").isEqualTo("TENANT_CREATED")
                .jsonPath("$.nextCursor").doesNotExist();
        get("/api/v1/audit?cursor=not-ours", admin).exchange().expectStatus().isBadRequest();
    }

    @Test
    void aMembershipSetsTheTenantClaimOfTheUsersNextToken() {
        String admin = platformToken();
        String tenant = createTenant(admin);
        String username = unique("member");
        String userId = createUserInKeycloak(username, "acme", List.of());

        post("/api/v1/tenants/" + tenant + "/members", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", userId, "role", "owner")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.role").isEqualTo("owner");
        assertThat(KeycloakTokens.claims(tokens().password(username, USER_PASSWORD)).path("tenant").asString())
                .isEqualTo(tenant);
        get("/api/v1/tenants/" + tenant + "/members", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].userId").isEqualTo(userId);

        client.delete().uri("/api/v1/tenants/" + tenant + "/members/" + userId)
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNoContent();
        assertThat(KeycloakTokens.claims(tokens().password(username, USER_PASSWORD)).has("tenant")).isFalse();
    }

    @Test
    void tenantsAreCreatedOnceAndPatchedWithIfMatch() {
        String admin = platformToken();
        String tenant = createTenant(admin);
        post("/api/v1/tenants", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", tenant, "displayName", "Again")).exchange().expectStatus().isEqualTo(409);

        client.patch().uri("/api/v1/tenants/" + tenant).headers(h -> h.setBearerAuth(admin))
                .header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("suspended", true)).exchange().expectStatus().isEqualTo(412);
        client.patch().uri("/api/v1/tenants/" + tenant).headers(h -> h.setBearerAuth(admin))
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("suspended", true)).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.suspended").isEqualTo(true).jsonPath("$.displayName").isEqualTo("IT");
    }

    private String createTenant(String admin) {
        String id = unique("it");
        post("/api/v1/tenants", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "displayName", "IT")).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/tenants/" + id);
        return id;
    }
}
