package io.voidvm.systemtests.harness;

import java.util.List;

/**
 * TEMPORARY, and the only place of it: every node agent the harness starts tells its JVM it has {@value #NODE_VCPUS}
 * processors, so that its heartbeat offers that many vCPUs to placement. Placement does not overcommit vCPUs yet
 * and the agent reports the host's cores, so a 2-core machine would take only two 1-vCPU guests; the tests need
 * more, and the marker guests sit halted.
 *
 * <p>Remove this class (and its one call in {@link JvmArgs#agent}) when the {@code node-liveness} branch lands:
 * it adds vCPU overcommit to placement and makes the agent report honestly.
 */
final class AgentCpuStandIn {

    /** What each agent reports. */
    static final int NODE_VCPUS = 48;

    private AgentCpuStandIn() {
    }

    static List<String> jvmArgs() {
        // only the reported capacity should grow: the agent's own concurrency stays that of this host
        int cores = Runtime.getRuntime().availableProcessors();
        return List.of("-XX:ActiveProcessorCount=" + NODE_VCPUS,
                "-Djdk.virtualThreadScheduler.parallelism=" + cores,
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + cores);
    }
}
