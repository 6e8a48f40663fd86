package io.voidvm.servicekit.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerClaimsTest {

    @Test
    void readsFlatRolesAndTenant() {
        Caller caller = CallerClaims.toCaller(Map.of("sub", "u1", "tenant", "acme", "roles", List.of("user")));
        assertThat(caller).isEqualTo(new Caller("u1", "acme", Set.of("user")));
        assertThat(caller.isAdmin()).isFalse();
        assertThat(caller.requireTenant()).isEqualTo("acme");
    }

    @Test
    void readsKeycloakRealmAccessRolesAndMergesThem() {
        Caller caller = CallerClaims.toCaller(Map.of("sub", "u2", "tenant", List.of("acme"),
                "roles", List.of("user"), "realm_access", Map.of("roles", List.of("admin", "offline_access"))));
        assertThat(caller.roles()).containsExactlyInAnyOrder("user", "admin", "offline_access");
        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.tenantId()).isEqualTo("acme");
    }

    @Test
    void nonAdminWithoutTenantIsForbidden() {
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("sub", "u3", "roles", List.of("user")),
                Map.of("sub", "u3", "tenant", " ", "roles", List.of("user")),
                Map.of("sub", "u3", "tenant", List.of("a", "b")))) {
            assertThatThrownBy(() -> CallerClaims.toCaller(claims)).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void adminWithoutTenantMaySeeAllButMustNameATenantToCreate() {
        Caller admin = CallerClaims.toCaller(Map.of("sub", "root", "realm_access", Map.of("roles", List.of("admin"))));
        assertThat(admin.tenant()).isEmpty();
        assertThat(admin.scope()).isEqualTo(TenantScope.allTenants());
        assertThatThrownBy(admin::requireTenant).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void tokenWithoutSubjectIsForbidden() {
        assertThatThrownBy(() -> CallerClaims.toCaller(Map.of("tenant", "acme")))
                .isInstanceOf(ForbiddenException.class);
    }
}
