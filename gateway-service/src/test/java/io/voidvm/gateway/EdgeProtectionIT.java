package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Body limits (64 KB, 256 KB for image uploads here), security headers and CORS. */
class EdgeProtectionIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("edge-test");

    @Test
    void declaredBodyOverTheLimitIs413BeforeAuthenticationOrRouting() {
        long before = DOWNSTREAMS.seen("vm").size();
        client.post().uri("/api/v1/vms")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[100 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("payload-too-large")
                .jsonPath("$.limitBytes").isEqualTo(64 * 1024);
        assertThat(DOWNSTREAMS.seen("vm")).hasSize((int) before);
    }

    @Test
    void chunkedBodyIsCountedWhileItStreams() {
        Flux<DataBuffer> chunks = Flux.range(0, 10)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[10 * 1024]));
        client.post().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("payload-too-large");
    }

    @Test
    void imageUploadsHaveTheLargerLimit() {
        client.post().uri("/api/v1/images")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[200 * 1024])
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("image POST /api/v1/images");
        assertThat(DOWNSTREAMS.last("image").bodyBytes()).isEqualTo(200 * 1024);

        client.post().uri("/api/v1/images")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[300 * 1024])
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void pagesAndApiResponsesCarrySecurityHeaders() {
        for (String path : new String[] {"/", "/api/v1/vms"}) {
            HttpHeaders headers = client.get().uri(path)
                    .headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders();
            assertThat(headers.getFirst("Content-Security-Policy"))
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            // plain http and not configured as behind TLS: HSTS would be ignored or wrong
            assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void corsOnlyForConfiguredOrigins() {
        client.options().uri("/api/v1/vms")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        client.options().uri("/api/v1/vms")
                .header(HttpHeaders.ORIGIN, "http://elsewhere.invalid")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.GET.name())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        client.get().uri("/api/v1/vms")
                .headers(h -> h.setBearerAuth(token))
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed).contains("RateLimit").contains("Retry-After"));
    }

    @Test
    void webSocketUpgradesFromForeignOriginsAreRefusedBeforeRouting() {
        long before = DOWNSTREAMS.seen("monitoring").size();
        client.get().uri("/api/v1/events")
                .header(HttpHeaders.UPGRADE, "websocket")
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.ORIGIN, "http://evil.invalid")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("forbidden")
                .jsonPath("$.origin").isEqualTo("http://evil.invalid");
        assertThat(DOWNSTREAMS.seen("monitoring")).hasSize((int) before);

        for (String origin : new String[] {ALLOWED_ORIGIN, "http://localhost:" + port}) {
            client.get().uri("/api/v1/events")
                    .header(HttpHeaders.UPGRADE, "websocket")
                    .header(HttpHeaders.CONNECTION, "Upgrade")
                    .header(HttpHeaders.ORIGIN, origin)
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).as(origin).isNotEqualTo(403));
        }
    }

    @Test
    void pathsTheFirewallRefusesAre400ProblemsAndNeverReachAService() {
        long before = DOWNSTREAMS.seen("vm").size();
        for (String path : new String[] {"/api/v1/vms/a%2Fb", "/api/v1/vms/%2e%2e/x", "/api/v1/vms;x=1"}) {
            client.get().uri(java.net.URI.create(gatewayUrl(path)))
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        }
        assertThat(DOWNSTREAMS.seen("vm")).hasSize((int) before);
    }
}
