package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Create, read, list, update and delete through the REST API, with tenants kept apart. */
class VmCrudIT extends VmServiceIT {

    @Test
    void createdVmIsReadableWithItsETag() {
        String tenant = newTenant();
        givenNode();
        Map<String, Object> created = createVm(as(tenant), "web-1");

        assertThat(created).containsEntry("name", "web-1").containsEntry("tenantId", tenant)
                .containsEntry("cpuCores", 1).containsEntry("memoryMb", 128).containsEntry("diskSizeGb", 1)
                .containsEntry("osType", "LINUX").containsEntry("desiredPowerState", "STOPPED")
                .containsEntry("status", "PENDING").containsKeys("createdAt", "updatedAt", "statusReason");
        assertThat(created.get("nodeName")).as("placed on the only node with room").isNotNull();
        UUID id = id(created);
        as(tenant).get().uri("/api/v1/vms/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id.toString())
                .jsonPath("$.createdAt").isEqualTo(created.get("createdAt"));
        // the definition waits in the outbox for the node, in the same transaction as the row
        assertThat(count("SELECT count(*) FROM outbox WHERE message_key = :key AND topic LIKE 'voidvm.node.%'",
                Map.of("key", id.toString()))).isEqualTo(1);
    }

    @Test
    void createAnswers201WithLocationAndOperation() {
        String tenant = newTenant();
        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("api-1"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("/api/v1/vms/"))
                .expectHeader().value("Operation-Location", location -> assertThat(location)
                        .startsWith("/api/v1/operations/"));
    }

    @Test
    void listPagesWithCursorFiltersAndSorts() {
        String tenant = newTenant();
        WebTestClient client = as(tenant);
        for (String name : List.of("db-1", "web-2", "web-1", "web-3")) {
            createVm(client, name);
        }
        Map<String, Object> first = list(client, "?limit=2&sort=name");
        assertThat(names(first)).containsExactly("db-1", "web-1");
        assertThat(first.get("nextCursor")).isNotNull();
        Map<String, Object> second = list(client, "?limit=2&sort=name&cursor=" + first.get("nextCursor"));
        assertThat(names(second)).containsExactly("web-2", "web-3");
        assertThat(second.get("nextCursor")).isNull();

        assertThat(names(list(client, "?name=web&sort=-name"))).containsExactly("web-3", "web-2", "web-1");
        assertThat(names(list(client, "?sort=createdAt"))).containsExactly("db-1", "web-2", "web-1", "web-3");
        assertThat(names(list(client, ""))).as("newest first by default")
                .containsExactly("web-3", "web-1", "web-2", "db-1");
        assertThat(names(list(client, "?status=RUNNING"))).isEmpty();
        assertThat(names(list(client, "?status=PENDING,STOPPED&name=db"))).containsExactly("db-1");

        // a cursor belongs to its sort order
        client.get().uri("/api/v1/vms?limit=2&sort=createdAt&cursor=" + first.get("nextCursor")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void nameIsUniquePerTenantOnly() {
        String tenant = newTenant();
        createVm(as(tenant), "same");
        as(tenant).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("same"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("same"));
        createVm(as(newTenant()), "same");
        assertThat(count("SELECT count(*) FROM vms WHERE tenant_id = :t", Map.of("t", tenant))).isEqualTo(1);
    }

    @Test
    void invalidSpecListsEveryViolation() {
        Map<String, Object> body = Map.of("name", "Web_1", "cpuCores", 65, "memoryMb", 32, "diskSizeGb", 4096,
                "osType", "LINUX");
        as(newTenant()).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("name", "cpuCores", "memoryMb", "diskSizeGb"));
    }

    @Test
    void anotherTenantsVmIsNotFoundEverywhere() {
        String owner = newTenant();
        Map<String, Object> vm = createVm(as(owner), "private");
        UUID id = id(vm);
        WebTestClient stranger = as(newTenant());
        stranger.get().uri("/api/v1/vms/{id}", id).exchange().expectStatus().isNotFound();
        stranger.patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", "mine now")).exchange().expectStatus().isNotFound();
        stranger.delete().uri("/api/v1/vms/{id}", id).exchange().expectStatus().isNotFound();
        for (String action : List.of("start", "stop", "pause", "resume", "reset", "reboot")) {
            stranger.post().uri("/api/v1/vms/{id}/" + action, id).exchange().expectStatus().isNotFound();
        }
        stranger.get().uri("/api/v1/vms/{id}/logs", id).exchange().expectStatus().isNotFound();
        Map<String, Object> log = json(as(owner).get().uri("/api/v1/vms/{id}/logs", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) log.get("items")).getFirst();
        assertThat(first.get("type")).isEqualTo("operation");
        Object operation = ((Map<?, ?>) first.get("operation")).get("id");
        stranger.get().uri("/api/v1/operations/{id}", operation).exchange().expectStatus().isNotFound();
        assertThat(names(list(stranger, ""))).isEmpty();
        assertThat(getVm(as(owner), id)).containsEntry("description", "test VM");
    }

    @Test
    void updateChangesNameAndDescriptionAnytimeButCpuOnlyWhileStopped() {
        String tenant = newTenant();
        givenNode();
        WebTestClient client = as(tenant);
        UUID id = id(createVm(client, "edit-me"));
        report(client, id, VmStatus.STOPPED);

        client.patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuCores", 2, "memoryMb", 256)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cpuCores").isEqualTo(2).jsonPath("$.memoryMb").isEqualTo(256);

        client.post().uri("/api/v1/vms/{id}/start", id).exchange().expectStatus().isAccepted();
        report(client, id, VmStatus.RUNNING);
        client.put().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuCores", 4)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState").isEqualTo("RUNNING")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("cpuCores", "RUNNING"));
        client.patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "renamed", "description", "while running")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("renamed").jsonPath("$.cpuCores").isEqualTo(2);
        client.patch().uri("/api/v1/vms/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("diskSizeGb", 5)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("diskSizeGb");
    }

    @Test
    void ifMatchGuardsUpdateAndDelete() {
        WebTestClient client = as(newTenant());
        UUID id = id(createVm(client, "guarded"));
        client.patch().uri("/api/v1/vms/{id}", id).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "first")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        client.patch().uri("/api/v1/vms/{id}", id).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "lost update")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentETag").isEqualTo("\"1\"");
        client.delete().uri("/api/v1/vms/{id}", id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
        assertThat(getVm(client, id)).containsEntry("description", "first").containsEntry("status", "PENDING");
        client.delete().uri("/api/v1/vms/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void deletingAnUnplacedVmRemovesItAtOnceAndKeepsItsLog() {
        noNodes();
        WebTestClient client = as(newTenant());
        UUID id = id(createVm(client, "short-lived"));
        client.delete().uri("/api/v1/vms/{id}", id).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.action").isEqualTo("DELETE").jsonPath("$.status").isEqualTo("SUCCEEDED");
        client.get().uri("/api/v1/vms/{id}", id).exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/vms/{id}/logs", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].type").value(List.class, t -> assertThat(t).containsOnly("operation"))
                .jsonPath("$.items[*].operation.action")
                .value(List.class, a -> assertThat(a).containsExactly("DELETE", "CREATE"))
                .jsonPath("$.items[0].operation.requestedBy")
                .value(String.class, who -> assertThat(who).startsWith("user@"));
    }

    private Map<String, Object> list(WebTestClient client, String query) {
        return json(client.get().uri("/api/v1/vms" + query).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private static List<String> names(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("name")).toList();
    }
}
