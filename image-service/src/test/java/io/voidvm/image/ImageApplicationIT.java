package io.voidvm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.image.config.ImageProperties;
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

/** The whole image-service on a random port against the real PostgreSQL and Kafka from test-support. */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voidvm.image.blob-store-dir=target/it-blobs/${random.uuid}"})
@AutoConfigureWebTestClient
class ImageApplicationIT {

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
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"image-service\"");
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/images").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'image'")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("images", "flyway_schema_history");

        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO images (id, tenant_id, name, os_type) VALUES (:id, "
                + "'it-tenant', 'debian-12', 'linux')")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT status || '/' || version FROM images WHERE id = :id")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("PENDING/0");
    }

    @Test
    void schemaRejectsAnInvalidRow() {
        assertThatThrownBy(() -> db.sql("INSERT INTO images (id, tenant_id, name, os_type, status) VALUES (:id, "
                + "'it-tenant', 'no-blob', 'linux', 'READY')")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void createsTheBlobStoreDirectoryAtStartUp(@Autowired ImageProperties properties) {
        // a fresh random path per run, so an earlier run cannot have created it
        assertThat(properties.blobStoreDir()).isDirectory();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ImageApplication.class);
        // Boot's failure report may spell the property in camelCase; either spelling names it.
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.image.max-upload-size=10KB").close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.image.max-upload-size"),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.image.maxUploadSize"));
        assertThat(output.getAll()).containsAnyOf("voidvm.image.max-upload-size", "voidvm.image.maxUploadSize");
    }
}
