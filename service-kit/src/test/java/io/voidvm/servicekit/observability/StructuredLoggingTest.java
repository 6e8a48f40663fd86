package io.voidvm.servicekit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** With the shared defaults, log lines are JSON and carry the request's trace and span ids. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest extends WebSliceTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void logLineInsideARequestCarriesTraceAndSpanIds(CapturedOutput output) {
        client.get().uri("/api/v1/traced").header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange()
                .expectStatus().isOk();
        Map<String, Object> line = jsonLineContaining(output, "handling traced request");
        assertThat(line.get("traceId")).asString().matches("[0-9a-f]{32}");
        assertThat(line.get("spanId")).asString().matches("[0-9a-f]{16}");
    }

    @Test
    void serverFaultIsLoggedWithTheTraceIdTheClientSees(CapturedOutput output) {
        String traceId = client.get().uri("/api/v1/boom").header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                .exchange().expectStatus().isEqualTo(500)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().get("traceId").toString();
        Map<String, Object> line = jsonLineContaining(output, "/api/v1/boom failed with 500");
        assertThat(line.get("traceId")).isEqualTo(traceId);
        assertThat(line.toString()).contains("IllegalStateException");
    }

    private static Map<String, Object> jsonLineContaining(CapturedOutput output, String text) {
        return output.getOut().lines()
                .filter(l -> l.contains(text))
                .findFirst()
                .map(l -> JSON.readValue(l, new TypeReference<Map<String, Object>>() { }))
                .orElseThrow(() -> new AssertionError("no log line with '" + text + "' in:\n" + output.getOut()));
    }
}
