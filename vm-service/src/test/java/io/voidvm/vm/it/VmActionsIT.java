package io.voidvm.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Power actions: 202 with an operation that the node's reports finish; 409 where the state forbids them. */
class VmActionsIT extends VmServiceIT {

    @Test
    void everyActionAnswers202WithAnOperationThatReportsFinish() {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "power"));
        report(client, vm, VmStatus.STOPPED);

        UUID start = accepted(client, vm, "start", "START");
        assertThat(getVm(client, vm)).containsEntry("status", "STARTING").containsEntry("desiredPowerState", "RUNNING");
        operation(client, start).containsEntry("status", "PENDING");
        report(client, vm, VmStatus.RUNNING);
        operation(client, start).containsEntry("status", "SUCCEEDED").containsKey("finishedAt");

        UUID pause = accepted(client, vm, "pause", "PAUSE");
        report(client, vm, VmStatus.PAUSED);
        operation(client, pause).containsEntry("status", "SUCCEEDED");

        UUID resume = accepted(client, vm, "resume", "RESUME");
        report(client, vm, VmStatus.RUNNING);
        operation(client, resume).containsEntry("status", "SUCCEEDED");

        UUID reboot = accepted(client, vm, "reboot", "REBOOT");
        UUID reset = accepted(client, vm, "reset", "RESET");
        // one-shot actions finish with the node's result for their command
        finishCommand(client, vm, reboot);
        operation(client, reboot).containsEntry("status", "SUCCEEDED");
        operation(client, reset).containsEntry("status", "PENDING");

        UUID stop = accepted(client, vm, "stop", "STOP");
        assertThat(getVm(client, vm)).containsEntry("status", "STOPPING");
        report(client, vm, VmStatus.STOPPED);
        operation(client, stop).containsEntry("status", "SUCCEEDED");

        UUID forceStop = accepted(client, vm, "stop?force=true", "FORCE_STOP");
        operation(client, forceStop).as("already stopped: nothing to do").containsEntry("status", "SUCCEEDED");
    }

    @Test
    void actionNotAllowedInTheCurrentStateIs409NamingIt() {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "stopped"));
        report(client, vm, VmStatus.STOPPED);
        long operationsBefore = count("SELECT count(*) FROM operations WHERE vm_id = :vm", Map.of("vm", vm));

        for (String action : new String[] {"resume", "pause", "reset", "reboot"}) {
            client.post().uri("/api/v1/vms/{id}/" + action, vm).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("conflict")
                    .jsonPath("$.currentState").isEqualTo("STOPPED")
                    .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains(action, "STOPPED"));
        }
        assertThat(count("SELECT count(*) FROM operations WHERE vm_id = :vm", Map.of("vm", vm)))
                .as("a refused action writes nothing").isEqualTo(operationsBefore);
        assertThat(getVm(client, vm)).containsEntry("status", "STOPPED");
    }

    @Test
    void failedCommandFailsItsOperationWithAProblem() {
        givenNode();
        WebTestClient client = as(newTenant());
        Map<String, Object> created = createVm(client, "broken");
        UUID vm = id(created);
        report(client, vm, VmStatus.STOPPED);
        UUID start = accepted(client, vm, "start", "START");
        UUID command = lastCommandId(start);
        events.handle(envelopes.<VmEvent>of(CommandResult.failed(command, "QEMU_START_FAILED", "no such disk"))
                .vmId(vm).tenantId((String) created.get("tenantId")).nodeName(nodeOf(client, vm))
                .correlationId(start).build()).block();

        client.get().uri("/api/v1/operations/{id}", start).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.problem.code").isEqualTo("QEMU_START_FAILED")
                .jsonPath("$.problem.detail").isEqualTo("no such disk")
                .jsonPath("$.problem.type").value(String.class, t -> assertThat(t).startsWith("https://"));
    }

    @Test
    void deleteStopsThenRemovesOnceTheNodeConfirms() {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "doomed"));
        report(client, vm, VmStatus.STOPPED);
        accepted(client, vm, "start", "START");
        report(client, vm, VmStatus.RUNNING);

        UUID delete = operationId(client.delete().uri("/api/v1/vms/{id}", vm).exchange()
                .expectStatus().isAccepted());
        assertThat(getVm(client, vm)).containsEntry("status", "DELETING").containsEntry("desiredPowerState", "DELETED");
        assertThat(commandTypes(vm)).as("stop first, then delete").endsWith("vm.command.stop", "vm.command.delete");
        client.post().uri("/api/v1/vms/{id}/start", vm).exchange().expectStatus().isEqualTo(409);

        report(client, vm, VmStatus.DELETED);
        client.get().uri("/api/v1/vms/{id}", vm).exchange().expectStatus().isNotFound();
        operation(client, delete).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerWithoutASecondEffect() {
        String tenant = newTenant();
        WebTestClient client = as(tenant);
        byte[] first = client.post().uri("/api/v1/vms").header("Idempotency-Key", "create-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("once")).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        byte[] again = client.post().uri("/api/v1/vms").header("Idempotency-Key", "create-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("once")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM vms WHERE tenant_id = :t", Map.of("t", tenant))).isEqualTo(1);

        client.post().uri("/api/v1/vms").header("Idempotency-Key", "create-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vmBody("other")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) FROM vms WHERE tenant_id = :t", Map.of("t", tenant))).isEqualTo(1);

        // keys are per tenant: another tenant's identical key is a new request
        createVmWithKey(as(newTenant()), "create-1");
    }

    @Test
    void idempotentActionCreatesOneOperation() {
        givenNode();
        WebTestClient client = as(newTenant());
        UUID vm = id(createVm(client, "start-once"));
        report(client, vm, VmStatus.STOPPED);
        UUID first = operationId(client.post().uri("/api/v1/vms/{id}/start", vm).header("Idempotency-Key", "k-1")
                .exchange().expectStatus().isAccepted());
        UUID second = operationId(client.post().uri("/api/v1/vms/{id}/start", vm).header("Idempotency-Key", "k-1")
                .exchange().expectStatus().isAccepted());
        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM operations WHERE vm_id = :vm AND action = 'START'", Map.of("vm", vm)))
                .isEqualTo(1);
        assertThat(commandTypes(vm)).filteredOn("vm.command.start"::equals).hasSize(1);
        client.post().uri("/api/v1/vms/{id}/stop", vm).header("Idempotency-Key", "k-1").exchange()
                .expectStatus().isEqualTo(422);
    }

    private void createVmWithKey(WebTestClient client, String key) {
        client.post().uri("/api/v1/vms").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(vmBody("once")).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed");
    }

    /** Posts the action, checks the 202 shape and returns the operation id. */
    private UUID accepted(WebTestClient client, UUID vm, String action, String operationAction) {
        Map<String, Object> op = json(client.post().uri("/api/v1/vms/" + vm + "/" + action).exchange()
                .expectStatus().isAccepted()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/v1/operations/"))
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat(op).containsEntry("action", operationAction).containsEntry("vmId", vm.toString())
                .containsKeys("requestedBy", "createdAt");
        return UUID.fromString((String) op.get("id"));
    }

    private static UUID operationId(WebTestClient.ResponseSpec response) {
        return UUID.fromString((String) json(response.expectBody(Map.class).returnResult().getResponseBody())
                .get("id"));
    }

    private org.assertj.core.api.MapAssert<String, Object> operation(WebTestClient client, UUID id) {
        return assertThat(json(client.get().uri("/api/v1/operations/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()));
    }

    private void finishCommand(WebTestClient client, UUID vm, UUID operation) {
        Map<String, Object> view = getVm(client, vm);
        events.handle(envelopes.<VmEvent>of(CommandResult.succeeded(lastCommandId(operation)))
                .vmId(vm).tenantId((String) view.get("tenantId")).nodeName((String) view.get("nodeName"))
                .correlationId(operation).build()).block();
    }

    private String nodeOf(WebTestClient client, UUID vm) {
        return (String) getVm(client, vm).get("nodeName");
    }

    private UUID lastCommandId(UUID operation) {
        return db.sql("SELECT command_message_id FROM operations WHERE id = :id").bind("id", operation)
                .map(row -> row.get(0, UUID.class)).one().block();
    }

    private java.util.List<String> commandTypes(UUID vm) {
        return db.sql("SELECT headers->>'type' FROM outbox WHERE message_key = :key ORDER BY id")
                .bind("key", vm.toString()).map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
