package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.testsupport.kafka.KafkaFixture;
import io.voidvm.vm.lifecycle.app.DeadlineSweep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Operation deadlines on the real PostgreSQL and Kafka (ADR 0013): the "node" (this test) never answers a start,
 * so the sweep fails it with TIMED_OUT at its deadline and says so on the VM and in its log; a late report still
 * moves the VM and leaves the operation as it ended. Short deadlines, so a context of its own, closed afterwards
 * (its sweep would otherwise time out other classes' open operations).
 */
@TestPropertySource(properties = {
        "voidvm.vm.deadlines.start=2s",
        "voidvm.vm.deadlines.check-interval=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationDeadlineIT extends VmServiceIT {

    private static final Duration START_DEADLINE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final KafkaFixture kafka = new KafkaFixture();

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aStartNoNodeAnswersTimesOutAtItsDeadlineAndALateReportStillMovesTheVm() throws Exception {
        String node = givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "silent-node"));
        report(client, vm, VmStatus.STOPPED);
        double timedOutBefore = timedOutStarts();

        Map<String, Object> accepted = startVm(client, vm);
        String operation = (String) accepted.get("id");
        Instant createdAt = Instant.parse((String) accepted.get("createdAt"));
        Instant deadline = Instant.parse((String) accepted.get("deadline"));
        assertThat(deadline).isEqualTo(createdAt.plus(START_DEADLINE));

        await().atMost(WAIT).until(() -> "FAILED".equals(operation(client, operation).get("status")));
        Map<String, Object> failed = operation(client, operation);
        Map<String, Object> problem = json((Map<?, ?>) failed.get("problem"));
        assertThat(problem).containsEntry("code", "TIMED_OUT");
        assertThat((String) problem.get("detail")).startsWith("start timed out after 2 s waiting for node " + node)
                .contains("no report of the VM RUNNING");
        Instant finishedAt = Instant.parse((String) failed.get("finishedAt"));
        assertThat(finishedAt).as("never before the deadline").isAfterOrEqualTo(deadline)
                .as("a few sweep intervals after it").isBefore(deadline.plusSeconds(20));

        Map<String, Object> waiting = getVm(client, vm);
        assertThat(waiting).containsEntry("status", "STARTING")
                .containsEntry("statusReason", "start timed out after 2 s waiting for node " + node);
        assertThat(timedOutStarts()).isGreaterThanOrEqualTo(timedOutBefore + 1);
        List<Map<String, Object>> log = logItems(client, vm);
        assertThat(log.get(0)).containsEntry("type", "event");
        assertThat(json((Map<?, ?>) log.get(0).get("event"))).containsEntry("kind", "OPERATION_TIMED_OUT")
                .containsEntry("status", "STARTING").containsEntry("source", "platform")
                .containsEntry("reason", problem.get("detail"));
        assertThat(Instant.parse((String) log.get(0).get("at"))).isEqualTo(finishedAt);
        assertThat(json((Map<?, ?>) log.get(1).get("operation"))).containsEntry("action", "START")
                .containsEntry("status", "FAILED");

        // the node comes back: its report moves the VM; its result for the start changes nothing
        kafka.publish(statusEvent(waiting, VmStatus.RUNNING, generation(waiting), Instant.now()));
        await().atMost(WAIT).until(() -> "RUNNING".equals(getVm(client, vm).get("status")));
        assertThat(getVm(client, vm).get("statusReason")).isNull();
        MessageEnvelope<VmEvent> result = envelopes.<VmEvent>of(new CommandResult(UUID.randomUUID(),
                        CommandOutcome.SUCCEEDED, null, null))
                .vmId(vm).tenantId((String) waiting.get("tenantId")).nodeName(node)
                .correlationId(UUID.fromString(operation)).build();
        kafka.publish(result);
        await().atMost(WAIT).until(() -> processed(result.messageId()));
        assertThat(operation(client, operation)).as("a finished operation never changes").isEqualTo(failed);
    }

    @Test
    void theSweepLeavesAnOperationWhoseVmIsBusyToTheNextPassInsteadOfWaiting() throws Exception {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "busy-vm"));
        report(client, vm, VmStatus.STOPPED);

        Connection holder = Mono.from(connections.create()).block();
        try {
            Mono.from(holder.beginTransaction()).block();
            // a report or a request about the VM, mid-transaction (the start below is accepted before it)
            String operation = (String) startVm(client, vm).get("id");
            Flux.from(holder.createStatement("SELECT id FROM vms WHERE id = $1 FOR UPDATE").bind("$1", vm).execute())
                    .flatMap(rows -> rows.map((row, meta) -> 1)).blockLast(WAIT);
            Instant overdue = Instant.now().plus(START_DEADLINE).plusMillis(600);
            await().atMost(WAIT).until(() -> Instant.now().isAfter(overdue));

            assertThat(sweep.pass().block(Duration.ofSeconds(10))).as("skipped, not waited for").isZero();
            assertThat(operation(client, operation)).containsEntry("status", "PENDING");

            Mono.from(holder.rollbackTransaction()).block();
            await().atMost(WAIT).until(() -> "FAILED".equals(operation(client, operation).get("status")));
        } finally {
            Mono.from(holder.close()).block();
        }
    }

    private Map<String, Object> startVm(WebTestClient client, UUID vm) {
        return json(client.post().uri("/api/v1/vms/{id}/start", vm).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> operation(WebTestClient client, String id) {
        return json(client.get().uri("/api/v1/operations/{id}", id).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> logItems(WebTestClient client, UUID vm) {
        return (List<Map<String, Object>>) client.get().uri("/api/v1/vms/{id}/logs", vm).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
    }

    private double timedOutStarts() {
        var counter = meters.find("voidvm.vm.operations.awaited").tag("result", "timed_out")
                .tag("operation", "start").counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean processed(UUID messageId) {
        return count("SELECT count(*) FROM processed_messages WHERE message_id = :id", Map.of("id", messageId)) == 1;
    }
}
