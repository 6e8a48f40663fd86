package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Limits small enough to hit: 5 per user, 8 per address, 3 login starts per address, each per minute. The
 * gateway trusts one proxy here, so each test speaks from its own address through {@code X-Forwarded-For}.
 */
@TestPropertySource(properties = {
        "voidvm.gateway.rate-limit.per-user.limit=5",
        "voidvm.gateway.rate-limit.per-ip.limit=8",
        "voidvm.gateway.rate-limit.login.limit=3",
        "voidvm.gateway.rate-limit.trusted-proxies=1"})
class RateLimitIT extends GatewayIntegrationTest {

    @Test
    void perUserLimitAnswers429ProblemWithRetryAfterAndRateLimitHeaders() {
        String token = TOKENS.valid("rate-user");
        List<Integer> statuses = IntStream.range(0, 5)
                .mapToObj(i -> get(token, "127.0.0.11").getStatus().value()).toList();
        assertThat(statuses).containsOnly(200);

        EntityExchangeResult<String> denied = get(token, "127.0.0.12");
        assertThat(denied.getStatus().value()).isEqualTo(429);
        HttpHeaders headers = denied.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(headers.get("RateLimit-Policy")).contains("\"user\";q=5;w=60");
        assertThat(headers.get("RateLimit")).anySatisfy(value -> assertThat(value).startsWith("\"user\";r=0;t="));
        assertThat(denied.getResponseBody()).contains("\"code\":\"too-many-requests\"")
                .contains("\"status\":429").contains("\"retryAfterSeconds\":");
    }

    @Test
    void perAddressLimitCountsEveryUserBehindOneAddress() {
        List<Integer> statuses = IntStream.range(0, 9)
                .mapToObj(i -> get(TOKENS.valid("rate-ip-" + i), "127.0.0.21").getStatus().value()).toList();
        assertThat(statuses.subList(0, 8)).containsOnly(200);
        assertThat(statuses.get(8)).isEqualTo(429);
        // a different address still has its budget
        assertThat(get(TOKENS.valid("rate-ip-other"), "127.0.0.22").getStatus().value()).isEqualTo(200);
    }

    @Test
    void successfulResponsesCarryBothPolicies() {
        HttpHeaders headers = get(TOKENS.valid("rate-headers"), "127.0.0.31").getResponseHeaders();
        assertThat(headers.get("RateLimit-Policy")).containsExactlyInAnyOrder("\"ip\";q=8;w=60", "\"user\";q=5;w=60");
        assertThat(headers.get("RateLimit")).containsExactlyInAnyOrder("\"ip\";r=7;t=8", "\"user\";r=4;t=12");
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void loginPathsHaveTheirOwnStricterLimit() {
        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> client.get()
                .uri("/oauth2/authorization/keycloak")
                .header("X-Forwarded-For", "127.0.0.41")
                .exchange().returnResult(String.class).getStatus().value()).toList();
        assertThat(statuses).containsExactly(302, 302, 302, 429);
    }

    private EntityExchangeResult<String> get(String token, String clientAddress) {
        return client.get().uri("/api/v1/vms")
                .headers(headers -> headers.setBearerAuth(token))
                .header("X-Forwarded-For", clientAddress)
                .exchange()
                .expectBody(String.class).returnResult();
    }
}
