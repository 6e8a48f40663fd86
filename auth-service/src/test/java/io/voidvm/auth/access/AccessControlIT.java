package io.voidvm.auth.access;

import io.voidvm.auth.it.AbstractAuthIT;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Who may call what, with real Keycloak tokens: admin endpoints, tenant isolation, missing tokens. */
class AccessControlIT extends AbstractAuthIT {

    /** Admin-only routes with a body that would be valid for an admin. */
    private static final List<Route> ADMIN_ROUTES = List.of(
            new Route(HttpMethod.GET, "/api/v1/tenants", null),
            new Route(HttpMethod.POST, "/api/v1/tenants", Map.of("id", "never-created", "displayName", "No")),
            new Route(HttpMethod.GET, "/api/v1/tenants/acme", null),
            new Route(HttpMethod.PATCH, "/api/v1/tenants/acme", Map.of("displayName", "Renamed")),
            new Route(HttpMethod.DELETE, "/api/v1/tenants/acme", null),
            new Route(HttpMethod.GET, "/api/v1/tenants/acme/members", null),
            new Route(HttpMethod.POST, "/api/v1/tenants/acme/members", Map.of("userId", "someone")),
            new Route(HttpMethod.PUT, "/api/v1/tenants/acme/quotas",
                    Map.of("vms", 1000, "vcpus", 1000, "memoryMb", 1, "diskGb", 1, "images", 1, "imageGb", 1)),
            new Route(HttpMethod.GET, "/api/v1/admin/users", null),
            new Route(HttpMethod.POST, "/api/v1/admin/users/x/unlock", null),
            new Route(HttpMethod.POST, "/api/v1/admin/users/x/disable", null),
            new Route(HttpMethod.POST, "/api/v1/admin/users/x/reset-mfa", null),
            new Route(HttpMethod.GET, "/api/v1/audit", null),
            new Route(HttpMethod.POST, "/internal/v1/quota-checks",
                    Map.of("tenantId", "acme", "requested", Map.of("vms", 1))),
            new Route(HttpMethod.PUT, "/internal/v1/usage/acme", Map.of("vms", 0)));

    @Test
    void aUserTokenGets403OnEveryAdminEndpoint() {
        String alice = tokenOf(VoidvmRealm.ALICE);
        for (Route route : ADMIN_ROUTES) {
            exchange(route, alice).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        }
    }

    @Test
    void anAdminTokenIsLetThrough() {
        String admin = platformToken();
        get("/api/v1/tenants", admin).exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
        get("/api/v1/audit", admin).exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
        get("/api/v1/admin/users?search=alice", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].username").isEqualTo("alice")
                .jsonPath("$.items[0].tenantId").isEqualTo("acme");
    }

    @Test
    void noTokenIs401() {
        client.get().uri("/api/v1/users/profile").exchange().expectStatus().isUnauthorized();
        client.post().uri("/internal/v1/quota-checks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", "acme", "requested", Map.of())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aMemberSeesTheirOwnQuotaButAnotherTenantsIsNotFound() {
        String alice = tokenOf(VoidvmRealm.ALICE);
        get("/api/v1/tenants/acme/quotas", alice).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tenantId").isEqualTo("acme")
                .jsonPath("$.limits.vms").isNumber();
        get("/api/v1/tenants/globex/quotas", alice).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
        // the same answer as a tenant that does not exist at all: nothing to learn from the status
        get("/api/v1/tenants/no-such-tenant/quotas", alice).exchange().expectStatus().isNotFound();
    }

    private ResponseSpec exchange(Route route, String token) {
        var request = client.method(route.method()).uri(route.uri()).headers(h -> h.setBearerAuth(token));
        return route.body() == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body()).exchange();
    }

    private record Route(HttpMethod method, String uri, Object body) {
    }
}
