package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.http.EdgeRequests;
import io.voidvm.testsupport.http.EdgeRequests.EdgeRequest;
import io.voidvm.testsupport.http.RawHttp;
import io.voidvm.testsupport.http.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every error the gateway answers itself is a problem: requests refused below WebFlux (http-edge's Netty
 * handler, ADR 0017; sent as raw bytes), paths no route serves, and methods its own endpoints refuse.
 */
class EdgeProblemsIT extends GatewayIntegrationTest {

    private final String token = TOKENS.valid("edge-problems-test");

    static List<EdgeRequest> hostile() {
        return EdgeRequests.against("/api/v1/vms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void requestsRefusedBelowWebFluxGetAProblemAndReachNoService(EdgeRequest request) {
        int before = DOWNSTREAMS.seen("vm").size();

        RawResponse response = request.sendTo(port);

        assertThat(response.status()).isEqualTo(request.status());
        JsonNode problem = response.problem();
        assertThat(problem.get("code").asString()).isEqualTo(request.code());
        assertThat(problem.get("detail").asString()).doesNotContain("%ZZ", "{id}", "ccccc", "hhhhh");
        assertThat(DOWNSTREAMS.seen("vm")).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/v1/vms", "/internal/v1/tenants/acme/usage", "/api/v1/no-such-resource",
            "/no-such-page", "/favicon-missing.ico"})
    void pathsNoRouteServesAre404Problems(String path) {
        RawResponse response = RawHttp.send(port, "GET " + path + " HTTP/1.1", "Authorization: Bearer " + token,
                "Accept: application/json");

        assertThat(response.status()).isEqualTo(404);
        JsonNode problem = response.problem();
        assertThat(problem.get("code").asString()).isEqualTo("not-found");
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(problem.has("timestamp")).isFalse();
    }

    @Test
    void aMethodTheGatewaysOwnEndpointRefusesIs405Problem() {
        RawResponse response = RawHttp.send(port, "DELETE /actuator/health HTTP/1.1");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.problem().get("code").asString()).isEqualTo("method-not-allowed");
        assertThat(response.header("Allow")).contains("GET");
    }
}
