package io.voidvm.systemtests.harness;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.testsupport.qemu.TestGuests;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One node of the {@link SharedPlatform}: its agent JVM, its state directory ({@code vms/}, {@code pools/},
 * {@code images/}) and the QEMU processes below it. Its test disk prints {@link #readyLine()} on the serial console.
 */
public final class PlatformNode {

    private final String name;
    private final BootApp agent;
    private final Path stateDir;
    private final String marker;
    private final NodeWatch watch;

    PlatformNode(String name, BootApp agent, Path stateDir, String marker, NodeWatch watch) {
        this.name = Objects.requireNonNull(name, "name");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.marker = Objects.requireNonNull(marker, "marker");
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    /** The node name, as in a VM's {@code nodeName} and the node's command topic. */
    public String name() {
        return name;
    }

    public String commandTopic() {
        return Topics.nodeCommands(name);
    }

    /** The agent's state directory: {@code vms/<vmId>/}, {@code pools/} (volumes), {@code images/} (cached bases). */
    public Path stateDir() {
        return stateDir;
    }

    public Path vmDir(UUID vmId) {
        return stateDir.resolve("vms").resolve(vmId.toString());
    }

    /** The pid QEMU wrote for VM {@code vmId}, or -1 when there is none. */
    public long qemuPid(UUID vmId) {
        return QemuProcesses.pidFile(vmDir(vmId));
    }

    /** Live QEMU processes whose command line names this node's state directory. */
    public List<Long> qemuProcesses() {
        return QemuProcesses.mentioning(stateDir.toString());
    }

    /** What a guest booted from this node's test disk prints on COM1. */
    public String readyLine() {
        return TestGuests.readyLine(marker);
    }

    /**
     * QMP {@code query-block} of VM {@code vmId}'s QEMU, as the agent relays it ({@code GET
     * /actuator/vmblockdevices/{vmId}}): an array of {@code device, nodeName, file, driver, readOnly,
     * virtualSizeBytes}; empty while the VM has no QEMU.
     */
    public JsonNode queryBlock(UUID vmId) {
        return VoidvmApi.anonymous(agent.baseUrl()).call("GET", "/actuator/vmblockdevices/" + vmId, null)
                .expect(200).body();
    }

    /** The agent's JVM (its pid, port, log). */
    public BootApp agent() {
        return agent;
    }

    public boolean isAlive() {
        return agent.isAlive();
    }

    /** SIGKILL to the agent's JVM alone, as a crash: its QEMU processes live on. */
    public void kill() {
        agent.crash();
    }

    /**
     * Starts the agent again if it is down and waits until vm-service has taken a heartbeat it sent after this
     * call: then the node is placeable again and its report of the VMs it re-attached is under way.
     */
    public void start() {
        Instant since = Instant.now();
        if (!agent.isAlive()) {
            agent.launch().awaitReady(SharedPlatform.READY_TIMEOUT);
        }
        awaitSeenSince(since);
    }

    /** Waits until vm-service has taken a heartbeat of this node sent at or after {@code since}. */
    void awaitSeenSince(Instant since) {
        watch.awaitSeen(name, since, SharedPlatform.READY_TIMEOUT);
    }

    @Override
    public String toString() {
        return "node " + name + " (" + agent + ")";
    }
}
