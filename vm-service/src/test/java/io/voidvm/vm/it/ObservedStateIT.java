package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.testsupport.kafka.KafkaFixture;
import io.voidvm.vm.events.StatusIntake;
import io.voidvm.vm.observedstate.app.ObservedStateIntake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Full observed-state reports on {@code voidvm.node.observed-state} and forged reports on {@code voidvm.vm.events},
 * through the real broker (ADR 0011): a report repairs what a lost event left wrong, and a generation vm-service
 * never issued is refused without breaking the commands after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservedStateIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaFixture kafka = new KafkaFixture();

    @Autowired
    MeterRegistry meters;

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aFullReportCorrectsAStatusWhoseEventWasLost() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "lost-event"));
        // the node placement chose: other tests' nodes may have room too
        String node = (String) getVm(client, vm).get("nodeName");
        report(client, vm, VmStatus.STOPPED);
        UUID start = act(client, vm, "start");
        assertThat(getVm(client, vm)).containsEntry("status", "STARTING");
        double corrections = counter(ObservedStateIntake.CORRECTIONS_METER);

        // the node's RUNNING event never arrived; its next full report says what it runs
        publishReport(node, List.of(entry(client, vm, VmStatus.RUNNING, 0)), List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(getVm(client, vm)).containsEntry("status", "RUNNING");
            assertThat(operationStatus(client, start)).isEqualTo("SUCCEEDED");
        });
        assertThat(counter(ObservedStateIntake.CORRECTIONS_METER)).isEqualTo(corrections + 1);
        Map<String, Object> latest = json(client.get().uri("/api/v1/vms/{id}/logs?limit=1", vm).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat((List<?>) latest.get("items")).singleElement().satisfies(item -> {
            Map<?, ?> event = (Map<?, ?>) ((Map<?, ?>) item).get("event");
            assertThat(event.get("kind")).isEqualTo("STATUS_CORRECTED");
            assertThat(event.get("reason")).isEqualTo("status corrected by node " + node
                    + "'s report: was STARTING, is RUNNING");
            assertThat(event.get("source")).isEqualTo("node:" + node);
        });
    }

    @Test
    void aReportAtANeverIssuedGenerationIsRefusedAndLaterCommandsStillWork() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "forged"));
        // the node placement chose: other tests' nodes may have room too
        String node = (String) getVm(client, vm).get("nodeName");
        report(client, vm, VmStatus.STOPPED);
        act(client, vm, "start");
        report(client, vm, VmStatus.RUNNING);
        Map<String, Object> running = getVm(client, vm);
        double refusedEvents = refused("event");
        double refusedReports = refused("full-report");

        // injected straight into Kafka: a single event and a full-report entry, both far ahead of vm-service
        kafka.publish(statusEvent(running, VmStatus.STOPPED, generation(running) + 90, Instant.now()));
        publishReport(node, List.of(entry(client, vm, VmStatus.STOPPED, 80)), List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(refused("event")).isEqualTo(refusedEvents + 1);
            assertThat(refused("full-report")).isEqualTo(refusedReports + 1);
        });
        assertThat(getVm(client, vm)).containsEntry("status", "RUNNING");
        assertThat(count("SELECT observed_generation FROM vms WHERE id = :id", Map.of("id", vm)))
                .isEqualTo(generation(running));

        UUID stop = act(client, vm, "stop");
        MessageEnvelope<VmEvent> stopped = statusEvent(getVm(client, vm), VmStatus.STOPPED,
                generation(getVm(client, vm)), Instant.now());
        kafka.publish(stopped);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(getVm(client, vm)).containsEntry("status", "STOPPED");
            assertThat(operationStatus(client, stop)).isEqualTo("SUCCEEDED");
        });
    }

    @Test
    void aFullReportConfirmsADeletionWhoseEventWasLost() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "deleted-quietly"));
        // the node placement chose: other tests' nodes may have room too
        String node = (String) getVm(client, vm).get("nodeName");
        report(client, vm, VmStatus.STOPPED);
        UUID delete = UUID.fromString((String) json(client.delete().uri("/api/v1/vms/{id}", vm).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()).get("id"));
        assertThat(getVm(client, vm)).containsEntry("status", "DELETING");

        // the node removed the VM, its DELETED event was lost; the report names it deleted at the generation
        publishReport(node, List.of(entry(client, vm, VmStatus.DELETED, 0)), List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            client.get().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isNotFound();
            assertThat(operationStatus(client, delete)).isEqualTo("SUCCEEDED");
        });
    }

    @Test
    void entriesForVmsPlacedElsewhereOrUnknownChangeNothingAndStraysAreCounted() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "elsewhere"));
        report(client, vm, VmStatus.STOPPED);
        Map<String, Object> view = getVm(client, vm);
        long version = count("SELECT version FROM vms WHERE id = :id", Map.of("id", vm));
        String otherNode = newNodeName();
        UUID unknown = UUID.randomUUID();
        Instant now = Instant.now();

        publishReport(otherNode, List.of(
                        new NodeObservedState.ObservedVm(vm, null, VmStatus.RUNNING, null, generation(view), now),
                        new NodeObservedState.ObservedVm(unknown, "intruder", VmStatus.RUNNING, null, 2, now)),
                List.of(new NodeObservedState.StrayVm(unknown, true, now, now.plusSeconds(300))));

        await().atMost(WAIT).until(() -> strays(otherNode) == 1);
        assertThat(getVm(client, vm)).containsEntry("status", "STOPPED");
        assertThat(count("SELECT version FROM vms WHERE id = :id", Map.of("id", vm))).isEqualTo(version);

        publishReport(otherNode, List.of(), List.of());
        await().atMost(WAIT).until(() -> strays(otherNode) == 0);
    }

    /** Posts a power action and returns its operation's id. */
    private UUID act(WebTestClient client, UUID vm, String action) {
        return UUID.fromString((String) json(client.post().uri("/api/v1/vms/{id}/" + action, vm).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()).get("id"));
    }

    /** The VM as its node would list it: {@code status} at the VM's generation plus {@code ahead}. */
    private NodeObservedState.ObservedVm entry(WebTestClient client, UUID vm, VmStatus status, long ahead) {
        Map<String, Object> view = getVm(client, vm);
        return new NodeObservedState.ObservedVm(vm, (String) view.get("tenantId"), status, null,
                generation(view) + ahead, Instant.now());
    }

    private void publishReport(String node, List<NodeObservedState.ObservedVm> vms,
                               List<NodeObservedState.StrayVm> strays) throws Exception {
        Instant now = Instant.now();
        kafka.publish(envelopes.of(new NodeObservedState(node, vms, strays, now, now)).nodeName(node).build());
    }

    private double counter(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private double refused(String source) {
        Counter counter = meters.find(StatusIntake.REFUSED_METER).tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    private double strays(String node) {
        Gauge gauge = meters.find(ObservedStateIntake.STRAYS_METER).tag("node", node).gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
