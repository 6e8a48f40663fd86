package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A downstream that dies, hangs or flickers: a breaker per service (4-call window, 2 s open here), a 2 s time
 * limit, and retries for GETs only.
 */
class CircuitBreakerIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("resilience-test");

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @AfterEach
    void serviceIsBack() {
        breakers.getCircuitBreakerRegistry().find("vm-service")
                .filter(breaker -> breaker.getState() != CircuitBreaker.State.CLOSED)
                .ifPresent(CircuitBreaker::reset);
    }

    @Test
    void killedServiceGetsAFast503ProblemAndRecoversWhenItReturns() {
        assertThat(get("/api/v1/vms").getStatus().value()).isEqualTo(200);
        DOWNSTREAMS.stop("vm");
        try {
            EntityExchangeResult<String> down = get("/api/v1/vms");
            assertThat(down.getStatus().value()).isEqualTo(503);
            assertThat(down.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(down.getResponseBody()).contains("\"code\":\"service-unavailable\"")
                    .contains("\"service\":\"vm-service\"").contains("\"instance\":\"/api/v1/vms\"");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                get("/api/v1/vms");
                return breaker("vm-service").getState() == CircuitBreaker.State.OPEN;
            });
            long started = System.nanoTime();
            EntityExchangeResult<String> open = get("/api/v1/vms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(open.getStatus().value()).isEqualTo(503);
            assertThat(open.getResponseBody()).contains("\"service\":\"vm-service\"").contains("held back");
        } finally {
            DOWNSTREAMS.restart("vm");
        }
        // open still means no call, even though the service is back on its port
        long seenBefore = DOWNSTREAMS.seen("vm").size();
        assertThat(get("/api/v1/vms").getStatus().value()).isEqualTo(503);
        assertThat(DOWNSTREAMS.seen("vm")).hasSize((int) seenBefore);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/vms").getStatus().value() == 200);
        assertThat(breaker("vm-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // other services were never affected
        assertThat(get("/api/v1/images").getStatus().value()).isEqualTo(200);
        assertThat(breaker("image-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void slowServiceIsCutOffByTheTimeLimitWith504() {
        long started = System.nanoTime();
        EntityExchangeResult<String> slow = get("/api/v1/networks/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(slow.getStatus().value()).isEqualTo(504);
        assertThat(slow.getResponseBody()).contains("\"code\":\"gateway-timeout\"")
                .contains("\"service\":\"network-service\"");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
    }

    @Test
    void getIsRetriedOnTransientFailures() {
        String path = "/api/v1/storage/flaky/2/" + UUID.randomUUID();
        EntityExchangeResult<String> result = get(path);
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(DOWNSTREAMS.count("storage", path)).isEqualTo(3);
    }

    @Test
    void postIsNeverRetried() {
        String path = "/api/v1/storage/flaky/1/" + UUID.randomUUID();
        EntityExchangeResult<String> result = client.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange().expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).isEqualTo(503);
        assertThat(result.getResponseBody()).isEqualTo("storage POST " + path);
        assertThat(DOWNSTREAMS.count("storage", path)).isEqualTo(1);
    }

    @Test
    void aServicesOwn503PassesThroughAndDoesNotOpenItsBreaker() {
        for (int i = 0; i < 6; i++) {
            String path = "/api/v1/vms/" + UUID.randomUUID() + "/status/503";
            EntityExchangeResult<String> result = client.post().uri(path)
                    .headers(headers -> headers.setBearerAuth(token))
                    .exchange().expectBody(String.class).returnResult();
            assertThat(result.getStatus().value()).isEqualTo(503);
            assertThat(result.getResponseBody()).as("the service's body, not the gateway's")
                    .isEqualTo("vm POST " + path);
        }
        assertThat(breaker("vm-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(get("/api/v1/vms").getStatus().value()).isEqualTo(200);
    }

    @Test
    void serverErrorsOtherThanUnavailableAreNeitherRetriedNorReplaced() {
        String path = "/api/v1/images/" + UUID.randomUUID() + "/status/500";
        EntityExchangeResult<String> result = get(path);
        assertThat(result.getStatus().value()).isEqualTo(500);
        assertThat(result.getResponseBody()).isEqualTo("image GET " + path);
        assertThat(DOWNSTREAMS.count("image", path)).isEqualTo(1);
    }

    /** Looks the breaker up without creating it: one created here would get the registry's defaults. */
    private CircuitBreaker breaker(String name) {
        return breakers.getCircuitBreakerRegistry().find(name)
                .orElseThrow(() -> new AssertionError("no circuit breaker " + name + " yet"));
    }

    private EntityExchangeResult<String> get(String path) {
        return client.get().uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectBody(String.class).returnResult();
    }
}
