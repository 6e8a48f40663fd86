package io.voidvm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole monitoring-service on a random port against the real PostgreSQL and Kafka from test-support. */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MonitoringApplicationIT {

    @Autowired
    WebTestClient client;

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
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"monitoring-service\"");
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/system/stats").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'monitoring'")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("samples", "flyway_schema_history");

        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO samples (tenant_id, source_kind, source_id, metric, "
                + "sampled_at, value) VALUES ('it-tenant', 'VM', CAST(:id AS text), "
                + "'cpu.usage', now(), 0.25)")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT metric || '=' || value FROM samples WHERE source_id = CAST(:id AS "
                + "text)")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("cpu.usage=0.25");
    }

    @Test
    void schemaRejectsAnInvalidRow() {
        assertThatThrownBy(() -> db.sql("INSERT INTO samples (tenant_id, source_kind, source_id, metric, "
                + "sampled_at, value) VALUES (NULL, 'VM', CAST(:id AS text), 'cpu.usage', "
                + "now(), 1)")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(MonitoringApplication.class);
        // Boot's failure report may spell the property in camelCase; either spelling names it.
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.monitoring.raw-retention=5m").close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.monitoring.raw-retention"),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.monitoring.rawRetention"));
        assertThat(output.getAll()).containsAnyOf("voidvm.monitoring.raw-retention", "voidvm.monitoring.rawRetention");
    }
}
