package io.voidvm.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.testsupport.http.RefusedInput;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole network-service on a random port against the real PostgreSQL and Kafka from test-support. */
@WithPostgres
@WithKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class NetworkApplicationIT {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @LocalServerPort
    int port;

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
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"network-service\"");
    }

    @Test
    void theApiDocumentNamesTheServiceAndHoldsNoRoutesYet() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("voidVM network API (network-service)")
                .jsonPath("$.paths").isEmpty();
    }

    @Test
    void apiNeedsAToken() {
        client.get().uri("/api/v1/networks").exchange().expectStatus().isUnauthorized();
    }

    /** The service-kit input rules (ADR 0016) run before security: a stored-text hazard is named, not just 401. */
    @Test
    void aControlCharacterInAQueryParameterOrPathSegmentIsRefusedNamingIt() {
        for (String uri : new String[] {"/api/v1/networks?name=%00", "/api/v1/networks/a%1Bb"}) {
            // an absolute URI is sent as written: its percent-escapes reach the service undecoded
            EntityExchangeResult<byte[]> result = client.get().uri(URI.create("http://localhost:" + port + uri))
                    .exchange().expectBody().returnResult();
            RefusedInput.assertProblemNaming(result.getStatus().value(),
                    String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), 400,
                    "invalid-request", uri.contains("?") ? "name" : "path");
        }
    }

    @Test
    void baselineTablesLiveInTheServiceSchema() {
        assertThat(db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'network'")
                .map(row -> row.get(0, String.class)).all().collectList().block())
                .contains("networks", "flyway_schema_history");

        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO networks (id, tenant_id, name, cidr, gateway) VALUES (:id, "
                + "'it-tenant', 'lan', '10.10.0.0/24', '10.10.0.1')")
                .bind("id", id).fetch().rowsUpdated().block();
        assertThat(db.sql("SELECT cidr::text || '/' || host(gateway) || '/' || version FROM "
                + "networks WHERE id = :id")
                .bind("id", id).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("10.10.0.0/24/10.10.0.1/0");
    }

    @Test
    void schemaRejectsAnInvalidRow() {
        assertThatThrownBy(() -> db.sql("INSERT INTO networks (id, tenant_id, name, cidr, gateway) VALUES (:id, "
                + "'it-tenant', 'wan', '10.20.0.0/24', '10.30.0.1')")
                .bind("id", UUID.randomUUID()).fetch().rowsUpdated().block())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badSettingFailsStartUpNamingTheProperty(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(NetworkApplication.class);
        // Boot's failure report may spell the property in camelCase; either spelling names it.
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.network.default-cidr=10.10.0.1/24").close())
                .satisfiesAnyOf(
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.network.default-cidr"),
                        failure -> assertThat(failure).hasStackTraceContaining("voidvm.network.defaultCidr"));
        assertThat(output.getAll()).containsAnyOf("voidvm.network.default-cidr", "voidvm.network.defaultCidr");
    }
}
