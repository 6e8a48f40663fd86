package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The {@code voidvm.vm.events} consumer on the real broker: reports move VMs and finish operations, once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VmEventsIT extends VmServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaFixture kafka = new KafkaFixture();

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void statusEventsDriveTheVmAndFinishItsOperation() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "evented"));
        publishStatus(client, vm, VmStatus.STOPPED, 0);
        await().atMost(WAIT).until(() -> "STOPPED".equals(getVm(client, vm).get("status")));

        String operation = (String) json(client.post().uri("/api/v1/vms/{id}/start", vm).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()).get("id");
        MessageEnvelope<VmEvent> running = publishStatus(client, vm, VmStatus.RUNNING, 0);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(getVm(client, vm)).containsEntry("status", "RUNNING");
            assertThat(operationStatus(client, operation)).isEqualTo("SUCCEEDED");
        });
        long version = version(vm);

        // the same message again, and an older report arriving late: neither changes anything
        kafka.publish(running);
        Map<String, Object> view = getVm(client, vm);
        MessageEnvelope<VmEvent> late = statusEvent(view, VmStatus.STOPPED, generation(view) - 1,
                Instant.now().minusSeconds(60));
        kafka.publish(late);
        MessageEnvelope<VmEvent> marker = publishStatus(client, vm, VmStatus.RUNNING, 0);
        await().atMost(WAIT).until(() -> processed(marker.messageId()));

        assertThat(processed(late.messageId())).isTrue();
        assertThat(getVm(client, vm)).containsEntry("status", "RUNNING");
        assertThat(version(vm)).as("duplicate, stale and repeated reports store nothing").isEqualTo(version);
        assertThat(operationStatus(client, operation)).isEqualTo("SUCCEEDED");
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "after-poison"));
        byte[] poison = "{\"schemaVersion\":1,\"type\":\"vm.event.nonsense\"}".getBytes(StandardCharsets.UTF_8);
        kafka.publishRaw(Topics.VM_EVENTS, vm.toString(), poison);
        publishStatus(client, vm, VmStatus.STOPPED, 0);

        await().atMost(WAIT).until(() -> "STOPPED".equals(getVm(client, vm).get("status")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(Topics.VM_EVENTS)))
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(vm.toString());
                    assertThat(record.value()).isEqualTo(poison);
                }));
    }

    private MessageEnvelope<VmEvent> publishStatus(WebTestClient client, UUID vm, VmStatus status, long behind)
            throws Exception {
        Map<String, Object> view = getVm(client, vm);
        MessageEnvelope<VmEvent> event = statusEvent(view, status, generation(view) - behind, Instant.now());
        kafka.publish(event);
        return event;
    }

    private long version(UUID vm) {
        return count("SELECT version FROM vms WHERE id = :id", Map.of("id", vm));
    }

    private boolean processed(UUID messageId) {
        return count("SELECT count(*) FROM processed_messages WHERE message_id = :id", Map.of("id", messageId)) == 1;
    }
}
