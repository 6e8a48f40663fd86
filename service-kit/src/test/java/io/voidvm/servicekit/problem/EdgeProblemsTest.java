package io.voidvm.servicekit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import io.voidvm.testsupport.http.EdgeRequests;
import io.voidvm.testsupport.http.EdgeRequests.EdgeRequest;
import io.voidvm.testsupport.http.RawResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests refused below WebFlux (bad request target, request line over 4 KiB, headers over 8 KiB) get a
 * problem from http-edge's Netty handler, which every service has through service-kit; sent as raw bytes.
 */
class EdgeProblemsTest extends WebSliceTest {

    @LocalServerPort
    int port;

    static List<EdgeRequest> hostile() {
        return EdgeRequests.against("/api/v1/things");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void answersAProblemNotABareStatus(EdgeRequest request) {
        RawResponse response = request.sendTo(port);

        assertThat(response.status()).isEqualTo(request.status());
        JsonNode problem = response.problem();
        assertThat(problem.get("code").asString()).isEqualTo(request.code());
        assertThat(problem.get("detail").asString()).doesNotContain("%ZZ", "{id}", "ccccc", "hhhhh");
    }
}
