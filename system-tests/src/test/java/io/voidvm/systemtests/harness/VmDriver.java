package io.voidvm.systemtests.harness;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Drives VMs through the API the way a patient client does: send, take the 202, poll the operation or the VM
 * until the node has done its part. Failures quote what the API last said.
 */
public final class VmDriver {

    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED");

    private final VoidvmApi api;

    public VmDriver(VoidvmApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public VoidvmApi api() {
        return api;
    }

    /** Creates a VM (201) and waits until its node has defined it: the create operation SUCCEEDED. */
    public UUID createDefined(String name, long memoryMb) {
        VoidvmApi.Response created = api.createVm(name, memoryMb).expect(201);
        String operation = created.header("Operation-Location");
        if (operation == null) {
            throw new AssertionError("POST /api/v1/vms answered without an Operation-Location header");
        }
        UUID operationId = UUID.fromString(operation.substring(operation.lastIndexOf('/') + 1));
        requireSucceeded(awaitFinished(operationId), "create " + name);
        return created.id();
    }

    /** Sends an action and returns the id of the operation from the 202. */
    public UUID accept(UUID vmId, String action) {
        return api.act(vmId, action).expect(202).id();
    }

    /** Sends an action and waits for its operation to succeed; returns the finished operation. */
    public JsonNode succeed(UUID vmId, String action) {
        UUID operationId = accept(vmId, action);
        return requireSucceeded(awaitFinished(operationId), action + " of VM " + vmId);
    }

    /** Polls the operation until it is SUCCEEDED or FAILED; returns it as last read. */
    public JsonNode awaitFinished(UUID operationId) {
        return awaitFinished(operationId, STEP_TIMEOUT);
    }

    public JsonNode awaitFinished(UUID operationId, Duration timeout) {
        return poll("operation " + operationId + " finished", timeout,
                () -> api.operation(operationId).expect(200).body(),
                operation -> FINISHED.contains(operation.path("status").asString()));
    }

    /** Polls the VM until its status is {@code status}; returns the VM view. */
    public JsonNode awaitStatus(UUID vmId, String status) {
        return poll("VM " + vmId + " " + status, STEP_TIMEOUT, () -> api.vm(vmId).expect(200).body(),
                vm -> status.equals(vm.path("status").asString()));
    }

    /** Reads until {@code done} holds; on timeout the error quotes the last value read. */
    private static JsonNode poll(String what, Duration timeout, Supplier<JsonNode> read, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                JsonNode value = read.get();
                last.set(value);
                return done.test(value);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + timeout + "; last seen: " + last.get(), e);
        }
        return last.get();
    }

    public String status(UUID vmId) {
        return api.vm(vmId).expect(200).body().path("status").asString();
    }

    /** Deletes the VM (stopping it first if it runs), waiting until the API no longer knows it. */
    public void deleteAndForget(UUID vmId) {
        api.delete(vmId).expect(202);
        await("VM " + vmId + " deleted").atMost(STEP_TIMEOUT).pollInterval(POLL)
                .until(() -> api.vm(vmId).status() == 404);
    }

    public static JsonNode requireSucceeded(JsonNode operation, String what) {
        if (!"SUCCEEDED".equals(operation.path("status").asString())) {
            throw new AssertionError(what + ": operation did not succeed: " + operation);
        }
        return operation;
    }
}
