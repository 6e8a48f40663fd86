package io.voidvm.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.vm.quota.app.FakeQuotaGate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole vm-service on a random port against the real PostgreSQL and Kafka from test-support. */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeQuotaGate.InContext.class)
@AutoConfigureWebTestClient
class VmApplicationIT {

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
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"vm-service\"");
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/vms").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'vm' "
                        + "ORDER BY table_name")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("vms", "operations", "flyway_schema_history");

        UUID vmId = UUID.randomUUID();
        db.sql("INSERT INTO vms (id, tenant_id, name, cpu_cores, memory_mb, disk_size_gb, os_type) "
                        + "VALUES (:id, 'it-tenant', 'web-1', 2, 2048, 10, 'linux')")
                .bind("id", vmId).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT status || '/' || desired_power_state || '/' || version FROM vms WHERE id = :id")
                .bind("id", vmId).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("PENDING/STOPPED/0");
    }

    @Test
    void schemaRejectsANameThatIsNotADnsLabel() {
        assertThatThrownBy(() -> db.sql("INSERT INTO vms (id, tenant_id, name, cpu_cores, memory_mb, disk_size_gb, "
                        + "os_type) VALUES (:id, 'it-tenant', 'Web_1', 2, 2048, 10, 'linux')")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(VmApplication.class);
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.vm.max-memory-mb-per-vm=16").close())
                .hasStackTraceContaining("voidvm.vm.max-memory-mb-per-vm");
        assertThat(output).contains("voidvm.vm.max-memory-mb-per-vm");
    }
}
