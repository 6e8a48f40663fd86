package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/** Probes, the SPA, and which service each API path (HTTP and WebSocket) reaches. */
class GatewayApplicationIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("routing-test");

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            client.get().uri("/actuator/health/" + probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesTaggedMetrics() {
        String body = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"gateway-service\"");
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        client.get().uri("/actuator/env").exchange().expectStatus().value(status ->
                assertThat(status).isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.NOT_FOUND.value(),
                        HttpStatus.UNAUTHORIZED.value()));
    }

    @Test
    void servesThePlaceholderWebApp() {
        String page = client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("voidVM");
    }

    @Test
    void deepLinksOfTheWebAppGetIndexHtml() {
        String page = client.get().uri("/vms/4b1c/console").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html");
        client.get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void unknownApiPathIsAProblem() {
        client.get().uri("/api/v1/nothing-here")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/vms, vm",
            "/api/v1/vms/4b1c/start?force=true, vm",
            "/api/v1/operations/0f3a, vm",
            "/api/v1/nodes, vm",
            "/api/v1/nodes/node-2/drain?stopVms=true, vm",
            "/api/v1/images, image",
            "/api/v1/networks/n1, network",
            "/api/v1/storage/p1/volumes, storage",
            "/api/v1/users/profile, auth",
            "/api/v1/tenants, auth",
            "/api/v1/tokens, auth",
            "/api/v1/admin/users, auth",
            "/api/v1/audit, auth",
            "/api/v1/system/version, monitoring",
            "/api/v1/metrics/nodes, monitoring",
            "/api/v1/dead-letters, monitoring",
            "/api/v1/dead-letters/voidvm.vm.events.dlt/records?partition=0, monitoring"})
    void routesEachApiPathToItsService(String path, String service) {
        String body = client.get().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("RateLimit")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(service + " GET " + path);
        assertThat(DOWNSTREAMS.last(service).header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void webSocketWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://127.0.0.1:" + port + "/api/v1/events"), session -> session.receive().then())
                .block(Duration.ofSeconds(10)))
                .hasMessageContaining("401");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badDownstreamUriFailsStartUpNamingTheProperty(CapturedOutput output) {
        // Command-line arguments, as an operator would pass them; builder properties would rank below the yaml.
        SpringApplicationBuilder app = new SpringApplicationBuilder(GatewayApplication.class);
        assertThatThrownBy(() -> app.run("--server.port=0", "--voidvm.gateway.services.image=ftp://127.0.0.1:21")
                .close())
                .hasStackTraceContaining("voidvm.gateway.services.image");
        assertThat(output).contains("voidvm.gateway.services.image").contains("absolute http(s) URL");
    }
}
