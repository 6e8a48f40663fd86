package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/docs}: Swagger UI over every service's OpenAPI document, each routed from
 * {@code /api/docs/<service>} to the service's {@code /v3/api-docs}, public, and within the gateway's CSP.
 */
class ApiDocsIT extends GatewayIntegrationTest {

    private static final Map<String, String> SERVICES = Map.of("vm-service", "vm", "auth-service", "auth",
            "image-service", "image", "network-service", "network", "storage-service", "storage",
            "monitoring-service", "monitoring");
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>", Pattern.CASE_INSENSITIVE);

    @Test
    void everyServicesDocumentIsRoutedToItsApiDocsWithoutAToken() {
        SERVICES.forEach((service, downstream) -> {
            client.get().uri("/api/docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(downstream + " GET /v3/api-docs");
            assertThat(DOWNSTREAMS.last(downstream).header(HttpHeaders.AUTHORIZATION)).isNull();
        });
    }

    @Test
    void onlyReadsAreOpen() {
        long before = DOWNSTREAMS.count("vm", "/v3/api-docs");
        client.post().uri("/api/docs/vm-service").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 403));
        client.get().uri("/api/docs/no-such-service").exchange().expectStatus().isNotFound();
        assertThat(DOWNSTREAMS.count("vm", "/v3/api-docs")).isEqualTo(before);
    }

    @Test
    void swaggerUiListsEveryServiceDocument() {
        String location = client.get().uri("/api/docs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("swagger-ui/index.html");
        // where a browser lands without a session: the page itself, not a 401
        client.get().uri(location).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);

        byte[] config = client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode urls = JsonMapper.builder().build().readTree(config).path("urls");
        List<String> listed = urls.valueStream().map(url -> url.path("name").asString() + "="
                + url.path("url").asString()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(SERVICES.keySet().stream()
                .map(service -> service + "=/api/docs/" + service).toList());
    }

    @Test
    void swaggerUiRunsUnderTheStrictContentSecurityPolicy() {
        String html = client.get().uri("/webjars/swagger-ui/index.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").doesNotContain("unsafe-eval"))
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file of this origin, none inline")
                    .contains("src=\"./").doesNotContain("http");
        }
        assertThat(count).isPositive();
        client.get().uri("/webjars/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("/v3/api-docs/swagger-config"));
    }
}
