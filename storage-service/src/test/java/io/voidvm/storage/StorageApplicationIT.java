package io.voidvm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.storage.config.StorageProperties;
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

/** The whole storage-service on a random port against the real PostgreSQL and Kafka from test-support. */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voidvm.storage.pools-root=target/it-pools/${random.uuid}"})
@AutoConfigureWebTestClient
class StorageApplicationIT {

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
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"storage-service\"");
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/storage").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'storage'")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("pools", "volumes", "flyway_schema_history");

        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO pools (id, name, path, node_name, capacity_gb) VALUES (:id, "
                + "'baseline-' || substr(md5(random()::text), 1, 8), 'baseline/' || :id, 'it-node', 100)")
                .bind("id", id).fetch().rowsUpdated().block();
        db.sql("INSERT INTO volumes (id, tenant_id, pool_id, name, size_gb) VALUES "
                + "(gen_random_uuid(), 'it-tenant', :id, 'data', 10)")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT v.name || '/' || v.status || '/' || v.format || '/' || v.version "
                + "FROM volumes v WHERE v.pool_id = :id")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("data/PENDING/qcow2/0");
    }

    @Test
    void schemaRejectsAnInvalidRow() {
        assertThatThrownBy(() -> db.sql("INSERT INTO volumes (id, tenant_id, pool_id, name, size_gb) VALUES (:id, "
                + "'it-tenant', gen_random_uuid(), 'orphan', 10)")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void createsThePoolsRootDirectoryAtStartUp(@Autowired StorageProperties properties) {
        // a fresh random path per run, so an earlier run cannot have created it
        assertThat(properties.poolsRoot()).isDirectory();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(StorageApplication.class);
        // Boot's failure report may spell the property in camelCase; either spelling names it.
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.storage.default-pool.name=Not_A_Label").close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.storage.default-pool.name"),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.storage.defaultPool.name"));
        assertThat(output.getAll()).containsAnyOf("voidvm.storage.default-pool.name", "voidvm.storage.defaultPool.name");
    }
}
