package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Sinks;

/**
 * The WebSocket routes as they will work once their services serve them (issue 13): with no route listed as
 * unavailable, an upgrade reaches the service with the caller's bearer token. Its own context.
 */
@TestPropertySource(properties = "voidvm.gateway.websocket.unavailable-routes[0].route-id=no-such-route")
class WebSocketProxyIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("websocket-proxy-test");

    @ParameterizedTest
    @CsvSource({"/api/v1/events, monitoring", "/api/v1/vms/4b1c/console, vm"})
    void proxiesWebSocketsWithTheBearerToken(String path, String service) {
        Sinks.One<String> first = Sinks.one();
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://127.0.0.1:" + port + path), headers, session -> session.receive()
                        .next()
                        .doOnNext(message -> first.tryEmitValue(message.getPayloadAsText()))
                        .then())
                .block(Duration.ofSeconds(10));
        assertThat(first.asMono().block(Duration.ofSeconds(1))).isEqualTo(service + " ws bearer=true");
    }
}
