package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

/**
 * With the default settings every internal address and every scheme but http(s) is refused up front with a 400
 * naming {@code sourceUrl}; literal addresses need no lookup and nothing connects anywhere.
 */
class SourceUrlRefusalIT extends ImageServiceIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8083/disk.qcow2 | loopback",
            "http://10.0.0.1/disk.qcow2 | private",
            "http://169.254.169.254/latest/meta-data/ | metadata",
            "http://[::1]/disk.qcow2 | loopback",
            "file:///etc/shadow | http or https",
            "ftp://mirror.example/disk.qcow2 | http or https"})
    void refusedWithAProblemNamingSourceUrl(String url, String reason) {
        String tenant = newTenant();
        Map<String, Object> body = new HashMap<>(body("import"));
        body.put("sourceUrl", url);
        as(tenant).post().uri("/api/v1/images").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("sourceUrl")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains(reason));
        Map<?, ?> page = as(tenant).get().uri("/api/v1/images").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((java.util.List<?>) page.get("items")).stream()
                .filter(item -> "import".equals(((Map<?, ?>) item).get("name")))).as("no image was made").isEmpty();
    }
}
