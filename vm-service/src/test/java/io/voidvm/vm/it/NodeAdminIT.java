package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.vm.event.VmStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The nodes admin API: what it shows, cordon, drain, per-node overcommit, and that it is for admins only. */
class NodeAdminIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAdminSeesEachNodesStateCapacityAndWhatIsPlacedThere() {
        noNodes();
        Instant sentAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        String node = newNodeName();
        heard(heartbeat(node, 2, 4096, sentAt));
        WebTestClient client = as(newTenant());
        createVm(client, "one");
        createVm(client, "two");

        Map<String, Object> page = json(asAdmin().get().uri("/api/v1/nodes").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());

        assertThat(page).containsEntry("nextCursor", null);
        assertThat((List<?>) page.get("items")).singleElement().satisfies(item -> assertThat(json((Map<?, ?>) item))
                .containsEntry("name", node)
                .containsEntry("state", "READY")
                .containsEntry("schedulable", true)
                .containsEntry("cordoned", false)
                .containsEntry("draining", false)
                .containsEntry("capacity", Map.of("vCpus", 2, "memoryMb", 4096, "diskGb", 10_000))
                .containsEntry("allocatable", Map.of("vCpus", 2, "memoryMb", 4096, "diskGb", 10_000))
                .containsEntry("cpuOvercommit", 4.0)
                .containsEntry("memoryOvercommit", 1.0)
                .containsEntry("overcommitDefault", true)
                .containsEntry("offeredVCpus", 8)
                .containsEntry("offeredMemoryMb", 4096)
                .containsEntry("allocatedVCpus", 2)
                .containsEntry("allocatedMemoryMb", 256)
                .containsEntry("vmCount", 2)
                .containsEntry("lastHeartbeatAt", sentAt.toString())
                .containsEntry("agentVersion", "test")
                .containsEntry("qemuVersion", "7.2.0")
                .containsEntry("kvmAvailable", false));
        asAdmin().get().uri("/api/v1/nodes/{name}", node).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo(node);
        asAdmin().get().uri("/api/v1/nodes/{name}", "no-such-node").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theListIsPagedByName() {
        noNodes();
        for (String name : List.of("page-c", "page-a", "page-b")) {
            heard(heartbeat(name, 1, 1024, Instant.now()));
        }

        Map<String, Object> first = json(asAdmin().get().uri("/api/v1/nodes?limit=2").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(names(first))
                .containsExactly("page-a", "page-b");
        Map<String, Object> second = json(asAdmin().get().uri("/api/v1/nodes?limit=2&cursor={c}",
                first.get("nextCursor")).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody());
        assertThat(names(second))
                .containsExactly("page-c");
        assertThat(second).containsEntry("nextCursor", null);
    }

    @Test
    void everyNodeRouteIsForbiddenToUsers() {
        String node = givenNode();
        WebTestClient user = as(newTenant());

        user.get().uri("/api/v1/nodes").exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the nodes API needs the admin role");
        user.get().uri("/api/v1/nodes/{name}", node).exchange().expectStatus().isForbidden();
        user.get().uri("/api/v1/nodes/{name}", "no-such-node").exchange().expectStatus().isForbidden();
        for (String action : List.of("cordon", "uncordon", "drain")) {
            user.post().uri("/api/v1/nodes/{name}/" + action, node).exchange().expectStatus().isForbidden();
        }
        user.patch().uri("/api/v1/nodes/{name}", node).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuOvercommit", 64.0)).exchange().expectStatus().isForbidden();
        assertThat(node(node)).containsEntry("cordoned", false).containsEntry("cpuOvercommit", 4.0);
    }

    @Test
    void aCordonedNodeTakesNoNewVmsUntilUncordoned() {
        String node = givenNode();
        WebTestClient client = as(newTenant());

        assertThat(post(node, "cordon")).containsEntry("cordoned", true).containsEntry("schedulable", false);
        Map<String, Object> waiting = createVm(client, "waiting");
        assertThat(waiting).containsEntry("status", "PENDING").containsEntry("nodeName", null)
                .containsEntry("statusReason", "no schedulable node: all cordoned");

        assertThat(post(node, "uncordon")).containsEntry("cordoned", false).containsEntry("schedulable", true);
        await().atMost(WAIT).until(() -> node.equals(getVm(client, id(waiting)).get("nodeName")));
    }

    @Test
    void aDrainCordonsAndStopsTheNodesVmsThroughTheLifecycle() {
        String node = givenNode();
        WebTestClient client = as(newTenant());
        UUID running = id(createVm(client, "running"));
        client.post().uri("/api/v1/vms/{id}/start", running).exchange().expectStatus().isAccepted();
        report(client, running, VmStatus.RUNNING);
        UUID stopped = id(createVm(client, "stopped"));
        report(client, stopped, VmStatus.STOPPED);

        Map<String, Object> drained = json(asAdmin().post().uri("/api/v1/nodes/{name}/drain?stopVms=true", node)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());

        assertThat(json((Map<?, ?>) drained.get("node"))).containsEntry("cordoned", true)
                .containsEntry("draining", true).containsEntry("schedulable", false);
        assertThat((List<?>) drained.get("stops")).singleElement().satisfies(stop -> {
            Map<String, Object> entry = json((Map<?, ?>) stop);
            assertThat(entry).containsEntry("vmId", running.toString()).containsEntry("refused", null);
            assertThat(json((Map<?, ?>) entry.get("operation"))).containsEntry("action", "STOP")
                    .containsEntry("requestedBy", "platform");
        });
        assertThat(getVm(client, running)).containsEntry("status", "STOPPING")
                .containsEntry("desiredPowerState", "STOPPED");
        assertThat(post(node, "uncordon")).containsEntry("draining", false);
    }

    @Test
    void aNodesOwnOvercommitIsSetAndClearedByMergePatch() {
        String node = givenNode();

        assertThat(patch(node, Map.of("cpuOvercommit", 8.0))).containsEntry("cpuOvercommit", 8.0)
                .containsEntry("memoryOvercommit", 1.0).containsEntry("overcommitDefault", false)
                .containsEntry("offeredVCpus", 4096 * 8);
        assertThat(patch(node, Map.of("memoryOvercommit", 1.5))).as("an absent field stays")
                .containsEntry("cpuOvercommit", 8.0).containsEntry("memoryOvercommit", 1.5);
        assertThat(patch(node, "{\"cpuOvercommit\": null, \"memoryOvercommit\": null}"))
                .containsEntry("cpuOvercommit", 4.0).containsEntry("memoryOvercommit", 1.0)
                .containsEntry("overcommitDefault", true);

        for (String body : List.of("{\"cpuOvercommit\": 65}", "{\"cpuOvercommit\": 0.01}", "{\"memoryOvercommit\": 5}",
                "{\"cpuOvercommit\": \"8\"}", "{\"cordoned\": true}")) {
            asAdmin().patch().uri("/api/v1/nodes/{name}", node).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        asAdmin().patch().uri("/api/v1/nodes/{name}", node).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"memoryOvercommit\": 5}").exchange()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memoryOvercommit");
        asAdmin().patch().uri("/api/v1/nodes/{name}", "no-such-node").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("cpuOvercommit", 2.0)).exchange().expectStatus().isNotFound();
    }

    @Test
    void aLargerRatioPlacesVmsThatWaited() {
        noNodes();
        String node = newNodeName();
        heard(heartbeat(node, 1, 65536, Instant.now().plus(Duration.ofHours(1))));
        patch(node, Map.of("cpuOvercommit", 1.0));
        WebTestClient client = as(newTenant());
        createVm(client, "first");
        Map<String, Object> second = createVm(client, "second");
        assertThat(second).containsEntry("nodeName", null)
                .containsEntry("statusReason", "no node with 1 free vCPU (largest free: 0)");

        patch(node, Map.of("cpuOvercommit", 2.0));

        await().atMost(WAIT).until(() -> node.equals(getVm(client, id(second)).get("nodeName")));
    }

    private static List<Object> names(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("name")).toList();
    }

    private Map<String, Object> node(String name) {
        return json(asAdmin().get().uri("/api/v1/nodes/{name}", name).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> post(String node, String action) {
        return json(asAdmin().post().uri("/api/v1/nodes/{name}/" + action, node).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> patch(String node, Object body) {
        return json(asAdmin().patch().uri("/api/v1/nodes/{name}", node).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }
}
