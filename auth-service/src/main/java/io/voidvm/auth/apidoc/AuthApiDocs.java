package io.voidvm.auth.apidoc;

import io.voidvm.servicekit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** auth-service's {@link ApiDescription}: the identity API's title, its tags in display order, example bodies. */
@Configuration(proxyBeanMethods = false)
public class AuthApiDocs {

    public static final String TENANTS = "Tenants";
    public static final String MEMBERS = "Members";
    public static final String QUOTAS = "Quotas";
    public static final String USERS = "Users";
    public static final String PROFILE = "Profile";
    public static final String API_TOKENS = "API tokens";
    public static final String AUDIT = "Audit";

    public static final String ADMIN_ONLY = "Admins only.";

    private static final String USER_ID = "5f0c2a9e-3d4b-4c6a-9e8f-1a2b3c4d5e6f";
    private static final String TOKEN_ID = "0190c7f2-1a2b-7c3d-8e4f-5a6b7c8d9e0f";

    @Bean
    ApiDescription authApiDescription() {
        return ApiDescription.of("voidVM identity API (auth-service)", """
                        Tenants, their members and quotas, users, the caller's own profile, API tokens for \
                        scripts, and the audit log. Users sign in through Keycloak (realm voidvm); this API \
                        administers what Keycloak does not.

                        Most of it is for admins; a tenant's users read their profile, usage and tokens.""",
                        ApiDescription.tag(TENANTS, "Admins only: the tenants resources belong to."),
                        ApiDescription.tag(MEMBERS, "Admins only: who belongs to a tenant, with which role. A user"
                                + " belongs to one tenant; their tokens carry it."),
                        ApiDescription.tag(QUOTAS, "A tenant's limits per resource (admins set them) and its"
                                + " usage against them."),
                        ApiDescription.tag(USERS, "Admins only: the realm's users, their lockout, MFA and"
                                + " enabled state."),
                        ApiDescription.tag(PROFILE, "The caller's own user: name, email and avatar."),
                        ApiDescription.tag(API_TOKENS, "The caller's API tokens: client credentials for scripts,"
                                + " acting as the caller in their tenant. The secret is shown once, at creation."),
                        ApiDescription.tag(AUDIT, "Admins only: who did what, newest first."))
                .withExample("POST /api/v1/tenants", """
                        {"id":"acme","displayName":"ACME Corporation"}
                        """, """
                        {"id":"acme","displayName":"ACME Corporation","suspended":false,"version":1,
                         "createdAt":"2026-12-07T10:15:30Z","updatedAt":"2026-12-07T10:15:30Z"}
                        """)
                .withExample("PATCH /api/v1/tenants/{id}", """
                        {"displayName":"ACME Corp.","suspended":false}
                        """, null)
                .withExample("POST /api/v1/tenants/{tenantId}/members", """
                        {"userId":"%s","role":"member"}
                        """.formatted(USER_ID), """
                        {"userId":"%s","tenantId":"acme","role":"member","createdAt":"2026-12-07T10:15:30Z"}
                        """.formatted(USER_ID))
                .withExample("PUT /api/v1/tenants/{tenantId}/quotas", """
                        {"vms":10,"vcpus":20,"memoryMb":40960,"diskGb":500,"images":20,"imageGb":200}
                        """, """
                        {"tenantId":"acme","limits":{"vms":10,"vcpus":20,"memoryMb":40960,"diskGb":500,
                         "images":20,"imageGb":200},"configured":true}
                        """)
                .withExample("GET /api/v1/users/usage", null, """
                        {"tenantId":"acme","resources":[{"resource":"vms","used":3,"limit":10},
                         {"resource":"vcpus","used":6,"limit":20}]}
                        """)
                .withExample("POST /api/v1/admin/users", """
                        {"username":"carol","email":"carol@acme.example","firstName":"Carol","lastName":"Smith",
                         "tenantId":"acme","admin":false,"initialPassword":"change-me-now","temporaryPassword":true}
                        """, null)
                .withExample("PUT /api/v1/users/profile", """
                        {"firstName":"Alice","lastName":"Jones","email":"alice@acme.example","avatarUrl":null}
                        """, null)
                .withExample("POST /api/v1/tokens", """
                        {"name":"ci-deploy","expiresAt":"2027-06-30T00:00:00Z"}
                        """, """
                        {"token":{"id":"%s","name":"ci-deploy","tenantId":"acme","clientId":"voidvm-token-%s",
                         "status":"ACTIVE","createdAt":"2026-12-07T10:15:30Z","expiresAt":"2027-06-30T00:00:00Z",
                         "endedAt":null},"secret":"shown-only-in-this-answer",
                         "tokenUrl":"https://voidvm.example/realms/voidvm/protocol/openid-connect/token"}
                        """.formatted(TOKEN_ID, TOKEN_ID))
                .withExample("POST /internal/v1/quota-checks", """
                        {"tenantId":"acme","requested":{"vms":1,"vcpus":2,"memoryMb":2048,"diskGb":20}}
                        """, null)
                .withExample("PUT /internal/v1/usage/{tenantId}", """
                        {"vms":3,"vcpus":6,"memoryMb":6144,"diskGb":60}
                        """, null);
    }
}
