package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SerialLog;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Operation deadlines on the real stack (ADR 0013): the node agent is frozen (SIGSTOP) so it takes and answers
 * nothing, a start is accepted, and at its deadline (vm-service's default, 30 s) the operation is FAILED with
 * TIMED_OUT naming the node, in the VM's log too. Thawed (SIGCONT), the agent takes the start from its topic: the
 * VM runs and its status says so, while the finished operation stays as it ended.
 */
@RequiresQemu
@OnSharedPlatform
class OperationDeadlineSystemIT {

    /** vm-service's default {@code voidvm.vm.deadlines.start}; the shared platform does not change it. */
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    private static SharedPlatform platform;
    private static VmDriver alice;

    @BeforeAll
    static void tenant(SharedPlatform shared) {
        platform = shared;
        alice = platform.newTenant("deadlines").vms();
    }

    @Test
    void aStartTheAgentNeverAnswersTimesOutAtItsDeadlineAndTheVmIsRightWhenTheAgentReturns() throws Exception {
        UUID vm = alice.createDefined("silent-agent", SharedPlatform.GUEST_MEMORY_MB);
        PlatformNode node = platform.nodeOf(alice.api().vm(vm).expect(200).body());
        long agent = node.agent().pid();

        signal("STOP", agent);
        JsonNode failed;
        try {
            UUID start = alice.accept(vm, "start");
            JsonNode accepted = alice.api().operation(start).expect(200).body();
            Instant deadline = Instant.parse(accepted.path("deadline").asString());
            assertThat(deadline).isEqualTo(Instant.parse(accepted.path("createdAt").asString()).plus(START_DEADLINE));

            failed = alice.awaitFinished(start, START_DEADLINE.plusSeconds(60));
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("problem").path("code").asString()).isEqualTo("TIMED_OUT");
            assertThat(failed.path("problem").path("detail").asString())
                    .startsWith("start timed out after 30 s waiting for node " + node.name());
            assertThat(Instant.parse(failed.path("finishedAt").asString())).isAfterOrEqualTo(deadline);
            assertThat(timeoutsInLog(vm)).containsExactly(failed.path("problem").path("detail").asString());
            assertThat(QemuProcesses.mentioning(node.vmDir(vm).toString())).as("nothing ran the start").isEmpty();
        } finally {
            signal("CONT", agent);
        }

        // the agent comes back and does what it was asked: the VM's status is the node's again
        JsonNode running = alice.awaitStatus(vm, "RUNNING");
        assertThat(running.path("statusReason").isNull() || running.path("statusReason").isMissingNode())
                .as("the node's report replaced the timeout's reason: %s", running).isTrue();
        await("guest of VM " + vm + " booted").atMost(VmDriver.STEP_TIMEOUT)
                .until(() -> SerialLog.count(node.vmDir(vm), node.readyLine()) == 1);
        assertThat(alice.api().operation(UUID.fromString(failed.path("id").asString())).expect(200).body())
                .as("a finished operation never changes").isEqualTo(failed);
        alice.deleteAndForget(vm);
    }

    /** The reasons of the VM's OPERATION_TIMED_OUT log entries, newest first. */
    private static List<String> timeoutsInLog(UUID vm) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode item : alice.api().logs(vm, 100).expect(200).body().path("items")) {
            JsonNode event = item.path("event");
            if (item.path("type").asString().equals("event")
                    && event.path("kind").asString().equals("OPERATION_TIMED_OUT")) {
                reasons.add(event.path("reason").asString());
            }
        }
        return reasons;
    }

    /** {@code kill -<signal> <pid>}: SIGSTOP freezes the agent whole (consumer, heartbeats), SIGCONT thaws it. */
    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }
}
