package io.voidvm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.auth.it.AbstractAuthIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;

/** The whole auth-service on a random port against the real PostgreSQL, Kafka and Keycloak from test-support. */
class AuthApplicationIT extends AbstractAuthIT {

    @Autowired
    DatabaseClient db;

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            client.get().uri("/actuator/health/" + probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesMetrics() {
        String body = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"auth-service\"");
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/tenants").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'auth'")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("tenants", "memberships", "quotas", "usage", "api_tokens", "audit_log",
                        "flyway_schema_history");

        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO tenants (id, display_name) VALUES ('it-tenant', 'IT tenant')")
                .fetch().rowsUpdated().block();
        db.sql("INSERT INTO memberships (id, tenant_id, user_id) VALUES (:id, "
                + "'it-tenant', 'kc-user-1')")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT tenant_id || '/' || role || '/' || version FROM memberships WHERE "
                + "id = :id")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("it-tenant/member/0");
    }

    @Test
    void schemaRejectsAnInvalidRow() {
        assertThatThrownBy(() -> db.sql("INSERT INTO memberships (id, tenant_id, user_id) VALUES (:id, "
                + "'no-such-tenant', 'kc-user-2')")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(AuthApplication.class);
        // Boot's failure report may spell the property in camelCase; either spelling names it.
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.auth.default-quotas.vms=-5").close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.auth.default-quotas.vms"),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.auth.defaultQuotas.vms"));
        assertThat(output.getAll()).containsAnyOf("voidvm.auth.default-quotas.vms", "voidvm.auth.defaultQuotas.vms");
    }
}
