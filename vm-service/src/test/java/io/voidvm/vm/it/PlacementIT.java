package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Placement from heartbeats: VMs wait in PENDING with a reason and are placed when a node has room. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaFixture kafka = new KafkaFixture();


    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void vmWaitsWithoutNodesAndIsPlacedWhenAHeartbeatArrives() throws Exception {
        noNodes();
        WebTestClient client = as(newTenant());
        Map<String, Object> created = createVm(client, "waiting");
        UUID vm = id(created);
        assertThat(created).containsEntry("status", "PENDING").containsEntry("nodeName", null)
                .containsEntry("statusReason", "no node has reported a heartbeat yet");

        String node = newNodeName();
        kafka.publish(envelopes.of(heartbeat(node, 64, 1_000_000, Instant.now())).nodeName(node).build());

        await().atMost(WAIT).until(() -> node.equals(getVm(client, vm).get("nodeName")));
        assertThat(getVm(client, vm)).containsEntry("status", "PENDING").containsEntry("statusReason", null);
        // the relay delivers the definition to the node's own command topic
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.messages(Topics.nodeCommands(node)))
                .anySatisfy(message -> {
                    assertThat(message.vmId()).isEqualTo(vm);
                    assertThat(message.payload()).isInstanceOfSatisfying(DefineVm.class, define -> {
                        assertThat(define.spec().name()).isEqualTo("waiting");
                        assertThat(define.spec().disks().getFirst().source())
                                .isInstanceOf(DiskSource.TestDisk.class);
                        assertThat(define.generation()).isEqualTo(2);
                    });
                }));
    }

    @Test
    void vmThatFitsNoNodeSaysWhyAndIsPlacedWhenCapacityAppears() {
        noNodes();
        // 1 host vCPU offers 4 at the default overcommit of 4.0
        heard(heartbeat(newNodeName(), 1, 4096, Instant.now()));
        WebTestClient client = as(newTenant());
        Map<String, Object> body = Map.of("name", "big", "cpuCores", 5, "memoryMb", 1024, "diskSizeGb", 1,
                "osType", "LINUX");
        UUID vm = id(json(client.post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()));
        assertThat(getVm(client, vm)).containsEntry("status", "PENDING").containsEntry("nodeName", null)
                .extractingByKey("statusReason").asString().contains("5 free vCPUs (largest free: 4)");

        String bigger = newNodeName();
        heard(heartbeat(bigger, 64, 1_000_000, Instant.now()));
        await().atMost(WAIT).until(() -> bigger.equals(getVm(client, vm).get("nodeName")));
    }

    @Test
    void memoryAboveTheLargestNodeIsRefused() {
        noNodes();
        heard(heartbeat(newNodeName(), 4, 1024, Instant.now()));
        Map<String, Object> body = Map.of("name", "huge", "cpuCores", 1, "memoryMb", 2048, "diskSizeGb", 1,
                "osType", "LINUX");
        as(newTenant()).post().uri("/api/v1/vms").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memoryMb")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("1024"));
    }

    @Test
    void agentsReadTheirNodesDesiredState() {
        String node = givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "resync"));

        Map<String, Object> state = json(asAdmin().get().uri("/internal/v1/nodes/{node}/desired-state", node)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        assertThat(state).containsEntry("nodeName", node);
        List<?> vms = (List<?>) state.get("vms");
        assertThat(vms).singleElement().satisfies(entry -> {
            Map<?, ?> desired = (Map<?, ?>) entry;
            assertThat(desired.get("vmId")).isEqualTo(vm.toString());
            assertThat(desired.get("desiredPower")).isEqualTo("STOPPED");
            assertThat(((Number) desired.get("generation")).longValue()).isEqualTo(2);
            assertThat(((Map<?, ?>) desired.get("spec")).get("name")).isEqualTo("resync");
            assertThat(Instant.parse((String) desired.get("changedAt")))
                    .isBeforeOrEqualTo(Instant.parse((String) state.get("asOf")));
        });
        client.get().uri("/internal/v1/nodes/{node}/desired-state", node).exchange().expectStatus().isForbidden();
        asAdmin().get().uri("/internal/v1/nodes/Not_A_Node/desired-state").exchange().expectStatus().isBadRequest();
    }
}
