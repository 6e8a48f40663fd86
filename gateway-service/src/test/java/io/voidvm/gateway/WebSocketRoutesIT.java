package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * The console and events WebSocket routes while no service serves them (voidvm.gateway.websocket.unavailable-routes):
 * answered before the upgrade, never 101 and then a close.
 */
class WebSocketRoutesIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("websocket-routes-test");

    private WebTestClient.ResponseSpec upgrade(String path) {
        return client.get().uri(path)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set(HttpHeaders.UPGRADE, "websocket");
                    headers.set(HttpHeaders.CONNECTION, "Upgrade");
                    headers.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                    headers.set("Sec-WebSocket-Version", "13");
                })
                .exchange();
    }

    @Test
    void consoleOfAVisibleVmIs501NotImplementedAfterTheVmWasReadWithTheCallersToken() {
        upgrade("/api/v1/vms/4b1c/console")
                .expectStatus().isEqualTo(501)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://voidvm.io/problems/not-implemented")
                .jsonPath("$.title").isEqualTo("Not implemented")
                .jsonPath("$.status").isEqualTo(501)
                .jsonPath("$.code").isEqualTo("not-implemented")
                .jsonPath("$.service").isEqualTo("vm-service")
                .jsonPath("$.detail").isNotEmpty();
        FakeDownstreams.Seen check = DOWNSTREAMS.last("vm");
        assertThat(check.method() + " " + check.uri()).isEqualTo("GET /api/v1/vms/4b1c");
        assertThat(check.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(check.header(HttpHeaders.UPGRADE)).isNull();
    }

    @Test
    void consoleOfAVmTheCallerCannotSeeIsTheServices404Problem() {
        upgrade("/api/v1/vms/missing-9f2e/console")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.detail").isEqualTo("vm has no such resource");
    }

    @Test
    void consoleIs503ProblemWhenTheVmServiceIsDown() {
        DOWNSTREAMS.stop("vm");
        try {
            upgrade("/api/v1/vms/4b1c/console")
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("service-unavailable");
        } finally {
            DOWNSTREAMS.restart("vm");
        }
    }

    @Test
    void eventsAre501NotImplemented() {
        upgrade("/api/v1/events")
                .expectStatus().isEqualTo(501)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("not-implemented")
                .jsonPath("$.service").isEqualTo("monitoring-service");
    }

    @Test
    void aWebSocketClientIsRefusedTheHandshakeWith501() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        assertThatThrownBy(() -> new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://127.0.0.1:" + port + "/api/v1/events"), headers,
                        session -> session.receive().then())
                .block(Duration.ofSeconds(10)))
                .hasMessageContaining("501");
    }
}
