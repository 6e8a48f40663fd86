package io.voidvm.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.http.RefusedInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

/**
 * The service-kit input rules on image-service (ADR 0016): JSON bodies and the multipart form's metadata part are
 * read strictly, query and path values must be storable; each refusal names its field and registers no image.
 */
class StrictInputIT extends ImageServiceIT {

    private static final String VALID = "\"osType\":\"LINUX\",\"version\":\"1\"";

    @Autowired
    DatabaseClient db;

    private final String tenant = newTenant();

    @Test
    void scalarsControlCharactersAndDuplicateKeysInTheJsonBodyAreRefused() {
        post("{\"name\":12345," + VALID + "}", "malformed-request", "name");
        post("{\"name\":true," + VALID + "}", "malformed-request", "name");
        post("{\"name\":\"a\\u0000b\"," + VALID + "}", "validation-failed", "name");
        post("{\"name\":\"" + RefusedInput.CONTROL_ESCAPES + "\"," + VALID + "}", "validation-failed", "name");
        post("{\"name\":\"ok\",\"description\":\"\\u001b[31m\"," + VALID + "}", "validation-failed", "description");
        post("{\"name\":\"a\",\"name\":\"b\"," + VALID + "}", "malformed-request", "name");
    }

    @Test
    void aJsonBodyInAnotherCharsetThanUtf8IsA415() {
        as(tenant).post().uri("/api/v1/images").contentType(MediaType.parseMediaType("application/json; charset=utf-16"))
                .bodyValue(("{\"name\":\"utf16\"," + VALID + "}").getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(images()).isZero();
    }

    @Test
    void theMultipartMetadataPartFollowsTheSameRules() {
        form("{\"name\":\"\\u001b[31m\"," + VALID + "}", "metadata.name");
        form("{\"name\":12345," + VALID + "}", "metadata.name");
        form("{\"name\":\"a\",\"name\":\"b\"," + VALID + "}", "metadata.name");
    }

    @Test
    void controlCharactersInQueryAndPathParametersAreRefused() {
        get("/api/v1/images?cursor=%00", "cursor");
        get("/api/v1/images/a%00b", "id");
    }

    private void post(String json, String code, String field) {
        EntityExchangeResult<byte[]> result = as(tenant).post().uri("/api/v1/images")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json.getBytes(StandardCharsets.UTF_8))
                .exchange().expectBody().returnResult();
        RefusedInput.assertProblemNaming(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), 400, code, field);
        assertThat(images()).as("no image registered by %s", json).isZero();
    }

    private void form(String metadata, String field) {
        ResponseEntity<String> answer = streamForm(tenant, null, form(
                part("metadata", null, "application/json", Flux.just(text(metadata))),
                filePart(bytes(new byte[512]))));
        RefusedInput.assertProblemNaming(answer.getStatusCode().value(),
                String.valueOf(answer.getHeaders().getContentType()),
                answer.getBody() == null ? null : answer.getBody().getBytes(StandardCharsets.UTF_8), 400,
                "invalid-request", field);
        assertThat(images()).as("no image registered by %s", metadata).isZero();
    }

    private void get(String uri, String field) {
        // an absolute URI is sent as written: its percent-escapes reach the service undecoded
        EntityExchangeResult<byte[]> result = as(tenant).get().uri(URI.create("http://127.0.0.1:" + port + uri))
                .exchange().expectBody().returnResult();
        RefusedInput.assertProblemNaming(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), 400,
                "invalid-request", field);
    }

    private long images() {
        return db.sql("SELECT count(*) FROM images WHERE tenant_id = :tenant").bind("tenant", tenant)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
