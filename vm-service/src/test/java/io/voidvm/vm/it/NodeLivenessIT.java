package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.node.app.NodeLivenessSweeper;
import io.voidvm.vm.quota.domain.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A node that stops sending heartbeats, on the real database and broker: after the grace period it is NOT_READY
 * and its VMs UNKNOWN with the reason, new VMs go to the other node, an admin's forced delete frees quota and
 * capacity at once, and heartbeats that resume make it READY, its reports ending UNKNOWN. "Stopped" is a last
 * heartbeat dated just inside the grace period, so the test waits seconds, not the whole period.
 */
class NodeLivenessIT extends VmServiceIT {

    /**
     * The sweeper runs every 200 ms here, once the context has read the heartbeat topic (or, if it cannot tell,
     * a grace period after start); the rest is slack for a busy machine.
     */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LAST_BEAT_LEFT = Duration.ofSeconds(3);

    @Autowired
    VmProperties properties;

    @Autowired
    NodeLivenessSweeper sweeper;

    private final StorageStandIn storage = StorageStandIn.get();

    @Test
    void aSilentNodeIsNotReadyItsVmsUnknownWithTheReasonAndNewVmsGoToTheOtherNode() {
        noNodes();
        String lost = newNodeName();
        String tenant = newTenant();
        WebTestClient client = as(tenant);
        lastHeartbeatSoon(lost);
        UUID running = id(createVm(client, "running"));
        UUID stopped = id(createVm(client, "stopped"));
        report(client, running, VmStatus.RUNNING);
        report(client, stopped, VmStatus.STOPPED);
        assertThat(getVm(client, running)).containsEntry("nodeName", lost).containsEntry("status", "RUNNING");
        // the other node is smaller: placement would prefer the lost one, were it still READY
        String other = newNodeName();
        heard(heartbeat(other, 2, 4096, Instant.now().plus(Duration.ofHours(1))));

        awaitState(lost, "NOT_READY");

        for (UUID vm : List.of(running, stopped)) {
            assertThat(getVm(client, vm)).containsEntry("status", "UNKNOWN").containsEntry("nodeName", lost)
                    .extractingByKey("statusReason").asString()
                    .matches("node " + lost + " has not sent a heartbeat for \\d+ s");
        }
        assertThat(createVm(client, "new")).containsEntry("nodeName", other);
        client.post().uri("/api/v1/vms/{id}/start", running).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith("cannot start while UNKNOWN: node " + lost)
                        .endsWith("only delete is possible until node " + lost + " reports the VM again"));
        Map<String, Object> node = node(lost);
        assertThat(node).containsEntry("schedulable", false).containsEntry("vmCount", 2)
                .containsEntry("allocatedVCpus", 2);
        assertThat(events(client, running)).anySatisfy(event -> assertThat(event)
                .containsEntry("kind", "NODE_LOST").containsEntry("status", "UNKNOWN")
                .containsEntry("source", "platform")
                .containsEntry("reason", getVm(client, running).get("statusReason")));
    }

    @Test
    void aForcedDeleteOfAVmOnALostNodeFreesQuotaCapacityAndItsBootVolumeAtOnce() {
        noNodes();
        String lost = newNodeName();
        String tenant = newTenant();
        WebTestClient client = as(tenant);
        lastHeartbeatSoon(lost);
        storage.poolOn(tenant, lost);
        UUID doomed = id(json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(fromImage("doomed")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
        UUID volume = storage.madeFor(tenant).getFirst().id();
        UUID kept = id(createVm(client, "kept"));
        report(client, doomed, VmStatus.RUNNING);
        report(client, kept, VmStatus.RUNNING);
        await().atMost(WAIT).untilAsserted(() -> assertThat(quotas.reported(tenant))
                .contains(new Resources(2, 2, 256)));
        awaitState(lost, "NOT_READY");
        assertThat(getVm(client, doomed)).containsEntry("status", "UNKNOWN");

        // a user may not, even for their own VM
        client.delete().uri("/api/v1/vms/{id}?force=true", doomed).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> operation = json(asAdmin().delete().uri("/api/v1/vms/{id}?force=true", doomed).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody());

        assertThat(operation).containsEntry("action", "FORCE_DELETE").containsEntry("status", "SUCCEEDED")
                .containsEntry("requestedBy", "platform");
        client.get().uri("/api/v1/vms/{id}", doomed).exchange().expectStatus().isNotFound();
        assertThat(node(lost)).containsEntry("vmCount", 1).containsEntry("allocatedVCpus", 1)
                .containsEntry("allocatedMemoryMb", 128);
        await().atMost(WAIT).untilAsserted(() -> assertThat(quotas.reported(tenant))
                .contains(new Resources(1, 1, 128)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(storage.deleted()).contains(volume));
        Map<String, Object> desired = json(asAdmin().get().uri("/internal/v1/nodes/{node}/desired-state", lost)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(((List<?>) desired.get("vms")).stream().<Object>map(vm -> ((Map<?, ?>) vm).get("vmId")).toList())
                .containsExactly(kept.toString());
        // the VM's log outlives it and says what happened
        assertThat(events(client, doomed)).extracting(event -> event.get("kind"))
                .containsExactly("FORCE_DELETED", "NODE_LOST");
        assertThat(events(client, doomed).getFirst()).containsEntry("status", "DELETED")
                .containsEntry("reason", "deleted by force by platform: node " + lost + " is NOT_READY");
        assertThat(log(client, doomed)).anySatisfy(item -> assertThat(item.get("operation"))
                .isInstanceOfSatisfying(Map.class, op -> assertThat(op.get("action")).isEqualTo("FORCE_DELETE")));
    }

    @Test
    void aForcedDeleteIsRefusedWhileTheNodeIsReady() {
        String node = givenNode();
        UUID vm = id(createVm(as(newTenant()), "alive"));
        assertThat(getVm(asAdmin(), vm)).containsEntry("nodeName", node);

        asAdmin().delete().uri("/api/v1/vms/{id}?force=true", vm).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState").isEqualTo("READY")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith("node " + node + " is READY: delete the VM without force"));
        asAdmin().get().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isOk();
    }

    @Test
    void heartbeatsThatResumeMakeTheNodeReadyAndItsReportsEndUnknown() {
        noNodes();
        String node = newNodeName();
        WebTestClient client = as(newTenant());
        lastHeartbeatSoon(node);
        UUID running = id(createVm(client, "running"));
        UUID deleted = id(createVm(client, "deleted-meanwhile"));
        report(client, running, VmStatus.RUNNING);
        report(client, deleted, VmStatus.RUNNING);
        awaitState(node, "NOT_READY");
        // a delete while the node is lost is recorded; the VM stays UNKNOWN until the node says more
        client.delete().uri("/api/v1/vms/{id}", deleted).exchange().expectStatus().isAccepted();
        Map<String, Object> waiting = getVm(client, deleted);
        assertThat(waiting).containsEntry("status", "UNKNOWN").containsEntry("desiredPowerState", "DELETED");

        heard(heartbeat(node, 4, 8192, Instant.now()));

        assertThat(node(node)).containsEntry("state", "READY").containsEntry("schedulable", true);
        String back = "node " + node + " is ready again; waiting for its report on this VM";
        assertThat(getVm(client, running)).containsEntry("status", "UNKNOWN").containsEntry("statusReason", back);
        assertThat(events(client, running)).extracting(event -> event.get("kind"))
                .containsExactly("NODE_BACK", "NODE_LOST");
        // the agent re-reports what it has applied, as it does when it restarts
        Map<String, Object> before = getVm(client, running);
        events.handle(statusEvent(before, VmStatus.RUNNING, generation(before), Instant.now())).block();
        assertThat(getVm(client, running)).containsEntry("status", "RUNNING").containsEntry("statusReason", null);
        // ... including the deleted VM, at the generation before the delete: the deletion shows as under way
        events.handle(statusEvent(waiting, VmStatus.RUNNING, ((Number) waiting.get("observedGeneration"))
                .longValue(), Instant.now())).block();
        assertThat(getVm(client, deleted)).containsEntry("status", "DELETING");
        report(client, deleted, VmStatus.DELETED);
        client.get().uri("/api/v1/vms/{id}", deleted).exchange().expectStatus().isNotFound();
    }

    @Test
    void sweepsThatRaceTakeTheTransitionOnce() {
        noNodes();
        String node = newNodeName();
        WebTestClient client = as(newTenant());
        Instant lastBeat = lastHeartbeatSoon(node);
        UUID vm = id(createVm(client, "once"));
        report(client, vm, VmStatus.RUNNING);
        long vmVersion = version("vms", "id", vm);

        // four more replicas sweep the moment the node falls silent, racing the scheduled sweep
        await().atMost(WAIT).until(() -> Instant.now().isAfter(lastBeat.plus(properties.nodeLostAfter())));
        List<Long> lostBy = Flux.range(0, 4)
                .flatMap(replica -> sweeper.sweep().subscribeOn(Schedulers.parallel()))
                .collectList().block();

        awaitState(node, "NOT_READY");
        assertThat(lostBy.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(1);
        assertThat(version("nodes", "name", node)).as("one change of the node row").isEqualTo(1);
        assertThat(version("vms", "id", vm)).as("one change of the VM row").isEqualTo(vmVersion + 1);
        assertThat(getVm(client, vm)).containsEntry("status", "UNKNOWN");
        assertThat(events(client, vm)).as("one entry in the VM's log").singleElement()
                .satisfies(event -> assertThat(event).containsEntry("kind", "NODE_LOST"));
    }

    /** The node beats now, READY, but its heartbeat is dated so that it goes silent within seconds. */
    private Instant lastHeartbeatSoon(String node) {
        Instant sentAt = Instant.now().minus(properties.nodeLostAfter()).plus(LAST_BEAT_LEFT);
        heard(heartbeat(node, 64, 65536, sentAt));
        assertThat(node(node)).containsEntry("state", "READY");
        return sentAt;
    }

    /** The VM's log, newest first. */
    private List<Map<String, Object>> log(WebTestClient client, UUID vm) {
        Map<String, Object> page = json(client.get().uri("/api/v1/vms/{id}/logs", vm).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        return ((List<?>) page.get("items")).stream().map(item -> json((Map<?, ?>) item)).toList();
    }

    /** The events of the VM's log, newest first. */
    private List<Map<String, Object>> events(WebTestClient client, UUID vm) {
        return log(client, vm).stream().filter(item -> "event".equals(item.get("type")))
                .map(item -> json((Map<?, ?>) item.get("event"))).toList();
    }

    private long version(String table, String key, Object value) {
        return count("SELECT version FROM " + table + " WHERE " + key + " = :v", Map.of("v", value));
    }

    private void awaitState(String node, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(node(node)).containsEntry("state", state));
    }

    private Map<String, Object> node(String name) {
        return json(asAdmin().get().uri("/api/v1/nodes/{name}", name).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    private static Map<String, Object> fromImage(String name) {
        Map<String, Object> body = new HashMap<>(vmBody(name));
        body.put("imageId", UUID.randomUUID());
        return body;
    }
}
