package io.voidvm.servicekit.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void memberIsFilteredToOwnTenant() {
        TenantScope scope = new Caller("u", "acme", Set.of("user")).scope();
        assertThat(scope.sqlPredicate("v.tenant_id")).isEqualTo("v.tenant_id = :" + TenantScope.PARAMETER);
        assertThat(scope.bindings()).isEqualTo(Map.of(TenantScope.PARAMETER, "acme"));
        assertThat(scope.includes("acme")).isTrue();
        assertThat(scope.includes("other")).isFalse();
        assertThat(scope.includes(null)).isFalse();
    }

    @Test
    void adminSeesEveryTenantEvenWithOwnTenantClaim() {
        TenantScope scope = new Caller("root", "acme", Set.of("admin")).scope();
        assertThat(scope.sqlPredicate("tenant_id")).isEqualTo("TRUE");
        assertThat(scope.bindings()).isEmpty();
        assertThat(scope.includes("other")).isTrue();
    }

    @Test
    void refusesAnythingButAColumnName() {
        TenantScope scope = TenantScope.tenant("acme");
        assertThatThrownBy(() -> scope.sqlPredicate("tenant_id OR 1=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantScope.allTenants().sqlPredicate("x; DROP TABLE vm"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
