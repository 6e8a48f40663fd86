package io.voidvm.servicekit.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anAdminRouteLetsAdminsPassAndRefusesEveryoneElseWithA403NamingIt() {
        Caller admin = new Caller("ops", null, Set.of("admin"));
        Caller user = new Caller("alice", "acme", Set.of("user"));

        assertThat(admin.requireAdmin("the nodes API")).isSameAs(admin);
        assertThatThrownBy(() -> user.requireAdmin("the nodes API"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("the nodes API needs the admin role");
    }
}
