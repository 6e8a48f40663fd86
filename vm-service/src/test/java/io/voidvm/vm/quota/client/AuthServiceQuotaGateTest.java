package io.voidvm.vm.quota.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.vm.config.QuotaClientProperties;
import io.voidvm.vm.quota.app.QuotaGate;
import io.voidvm.vm.quota.domain.QuotaUnavailableException;
import io.voidvm.vm.quota.domain.Resources;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The HTTP gate against a stand-in for Keycloak's token endpoint and auth-service's internal API: the token is
 * fetched with the client's credentials and reused, totals go out before the check, and every failure mode
 * ends as a 409 refusal or a 503-bound "unavailable", never anything else.
 */
class AuthServiceQuotaGateTest {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("voidvm-platform:s3cret".getBytes(StandardCharsets.UTF_8));

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int checkStatus = 200;
    private volatile String checkBody = "{\"allowed\":true}";

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            boolean rightClient = BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!rightClient || !body.contains("grant_type=client_credentials")) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            respond(exchange, 200, "{\"access_token\":\"tok-" + tokensIssued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        server.createContext("/internal/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (exchange.getRequestURI().getPath().endsWith("quota-checks")) {
                respond(exchange, checkStatus, checkBody);
            } else {
                respond(exchange, 200, "{}");
            }
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void sendsTotalsThenAsksWithOnePlatformTokenForManyCalls() {
        QuotaGate gate = gate(base());

        StepVerifier.create(gate.admit("acme", new Resources(2, 3, 512), Resources.oneVm(1, 128))).verifyComplete();
        StepVerifier.create(gate.report("acme", new Resources(3, 4, 640))).verifyComplete();

        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).startsWith("PUT /internal/v1/usage/acme Bearer tok-1 ")
                .contains("\"vms\":2", "\"vcpus\":3", "\"memoryMb\":512");
        assertThat(calls.get(1)).startsWith("POST /internal/v1/quota-checks Bearer tok-1 ")
                .contains("\"tenantId\":\"acme\"", "\"vms\":1", "\"vcpus\":1", "\"memoryMb\":128");
        assertThat(calls.get(2)).startsWith("PUT /internal/v1/usage/acme Bearer tok-1 ").contains("\"vms\":3");
        assertThat(tokensIssued).hasValue(1);
    }

    @Test
    void aRefusalNamesTheQuotaAndItsNumbers() {
        checkStatus = 409;
        checkBody = "{\"type\":\"https://voidvm.io/problems/quota-exceeded\",\"status\":409,"
                + "\"code\":\"quota-exceeded\",\"quota\":\"vcpus\",\"limit\":4,\"used\":3,\"requested\":2}";

        StepVerifier.create(gate(base()).admit("acme", new Resources(2, 3, 512), Resources.oneVm(2, 128)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(QuotaExceededException.class,
                        refused -> {
                            assertThat(refused.quota()).isEqualTo("vcpus");
                            assertThat(refused.limit()).isEqualTo(4);
                            assertThat(refused.used()).isEqualTo(3);
                            assertThat(refused.requested()).isEqualTo(2);
                        }))
                .verify();
    }

    @Test
    void anErrorAnswerIsUnavailableNotAFailureOfTheCaller() {
        checkStatus = 500;
        checkBody = "{}";

        StepVerifier.create(gate(base()).admit("acme", Resources.NONE, Resources.oneVm(1, 64)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QuotaUnavailableException.class)
                        .hasMessageContaining("500"))
                .verify();
    }

    @Test
    void aWrongSecretIsUnavailable() {
        QuotaGate gate = new QuotaClientConfiguration().quotaGate(new QuotaClientProperties(base(),
                base() + "/token", "voidvm-platform", "wrong", Duration.ofSeconds(2)));

        StepVerifier.create(gate.admit("acme", Resources.NONE, Resources.oneVm(1, 64)))
                .expectError(QuotaUnavailableException.class)
                .verify();
        assertThat(calls).isEmpty();
    }

    @Test
    void nobodyListeningIsUnavailableAndTheBreakerOpensAfterRepeatedFailures() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        QuotaGate gate = new QuotaClientConfiguration().quotaGate(new QuotaClientProperties(
                "http://127.0.0.1:" + closedPort, base() + "/token", "voidvm-platform", "s3cret",
                Duration.ofSeconds(2)));

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(gate.admit("acme", Resources.NONE, Resources.oneVm(1, 64)))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QuotaUnavailableException.class)
                            .hasMessageContaining("cannot be reached"))
                    .verify(Duration.ofSeconds(5));
        }
        StepVerifier.create(gate.admit("acme", Resources.NONE, Resources.oneVm(1, 64)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(QuotaUnavailableException.class)
                        .hasMessageContaining("not asked for a while"))
                .verify(Duration.ofSeconds(5));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static QuotaGate gate(String base) {
        return new QuotaClientConfiguration().quotaGate(new QuotaClientProperties(base, base + "/token",
                "voidvm-platform", "s3cret", Duration.ofSeconds(2)));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 && body.contains("\"code\"")
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
