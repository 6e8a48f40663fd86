package io.voidvm.storage.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.testsupport.http.RefusedInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The service-kit input rules on storage-service (ADR 0016): each refusal names its field or parameter and creates
 * no volume.
 */
class StrictInputIT extends StorageServiceIT {

    @Autowired
    DatabaseClient db;

    private final String tenant = newTenant();
    private UUID poolId;

    @BeforeEach
    void pool() {
        poolId = id(givenPool(newNode(), 10, "1.0"));
    }

    @Test
    void scalarsControlCharactersAndDuplicateKeysAreRefused() {
        refused(HttpMethod.POST, volumes(), "{\"name\":12345,\"sizeGb\":1}", "malformed-request", "name");
        refused(HttpMethod.POST, volumes(), "{\"name\":\"a\",\"sizeGb\":\"1\"}", "malformed-request", "sizeGb");
        refused(HttpMethod.POST, volumes(), "{\"name\":\"a\\u0000\",\"sizeGb\":1}", "validation-failed", "name");
        refused(HttpMethod.POST, volumes(), "{\"name\":\"a\",\"description\":\"" + RefusedInput.CONTROL_ESCAPES
                + "\",\"sizeGb\":1}", "validation-failed", "description");
        refused(HttpMethod.POST, volumes(), "{\"name\":\"a\",\"name\":\"b\",\"sizeGb\":1}", "malformed-request", "name");
        UUID volume = id(createVolume(as(tenant), poolId, Map.of("name", "v", "sizeGb", 1)));
        refused(HttpMethod.POST, volumes() + "/" + volume + "/attach",
                "{\"vmId\":\"" + UUID.randomUUID() + "\",\"diskId\":true}", "malformed-request", "diskId");
        refused(HttpMethod.POST, volumes() + "/" + volume + "/attach",
                "{\"vmId\":\"" + UUID.randomUUID() + "\",\"diskId\":\"d\\u001b\"}", "validation-failed", "diskId");
    }

    @Test
    void controlCharactersInQueryAndPathParametersAreRefused() {
        refused(HttpMethod.GET, volumes() + "?cursor=%00", null, "invalid-request", "cursor");
        refused(HttpMethod.GET, volumes() + "/a%07b", null, "invalid-request", "id");
        refused(HttpMethod.GET, "/api/v1/storage/%00/volumes", null, "invalid-request", "poolId");
    }

    @Test
    void aJsonBodyInAnotherCharsetThanUtf8IsA415() {
        as(tenant).post().uri(volumes()).contentType(MediaType.parseMediaType("application/json; charset=utf-16"))
                .bodyValue("{\"name\":\"a\",\"sizeGb\":1}".getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(volumeRows()).isZero();
    }

    private String volumes() {
        return "/api/v1/storage/" + poolId + "/volumes";
    }

    private void refused(HttpMethod method, String uri, String body, String code, String field) {
        long before = volumeRows();
        // an absolute URI is sent as written: its percent-escapes reach the service undecoded
        var request = as(tenant).method(method).uri(URI.create("http://localhost" + uri));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8));
        }
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        RefusedInput.assertProblemNaming(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()), result.getResponseBody(), 400, code, field);
        assertThat(volumeRows()).as("nothing written by %s %s", method, uri).isEqualTo(before);
    }

    private long volumeRows() {
        return db.sql("SELECT count(*) FROM volumes WHERE tenant_id = :tenant").bind("tenant", tenant)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
