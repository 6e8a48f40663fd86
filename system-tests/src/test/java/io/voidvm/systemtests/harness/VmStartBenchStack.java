package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.qemu.TestGuests;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the VM-start benchmark measures: vm-service, auth-service (which vm-service asks about quotas) and one node
 * agent from their fat jars, each in a JVM of its own with the default JIT (as deployed), on the shared PostgreSQL,
 * Kafka and Keycloak; calls go straight to vm-service. The system tests use the {@link SharedPlatform} instead
 * (C1 only, for a fast start, and every service behind the gateway). {@link #close()} stops the JVMs and kills
 * every QEMU started below the stack's scratch directory.
 */
public final class VmStartBenchStack implements AutoCloseable {

    private final Path workDir;
    private final KeycloakServer keycloak;
    private final BootApp authService;
    private final BootApp vmService;
    private final BootApp agent;

    private VmStartBenchStack(Deployables jars, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.workDir = HarnessFiles.createTempDir("voidvm-bench-");
        Path logDir = HarnessFiles.freshLogDir("bench");
        postgres.createDatabaseIfMissing("bench");
        int authPort = FreePorts.next();
        this.authService = new BootApp(SharedPlatform.AUTH_SERVICE, jars.jar(SharedPlatform.AUTH_SERVICE),
                JvmArgs.of(false, 320), ServiceEnvironment.authService(postgres, "bench", kafka, keycloak), logDir,
                authPort);
        Map<String, String> vm = new HashMap<>(ServiceEnvironment.domainService(postgres, "bench", kafka, keycloak));
        vm.put("VOIDVM_VM_QUOTA_AUTHSERVICEURL", "http://127.0.0.1:" + authPort);
        vm.putAll(FaultTimings.forComponent(SharedPlatform.VM_SERVICE));
        this.vmService = new BootApp(SharedPlatform.VM_SERVICE, jars.jar(SharedPlatform.VM_SERVICE),
                JvmArgs.of(false, 384), vm, logDir, FreePorts.next());
        String marker = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> node = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAPSERVERS", kafka.bootstrapServers(),
                "VOIDVM_NODEAGENT_NODENAME", "bench",
                "VOIDVM_NODEAGENT_STATEDIR", workDir.resolve("state").toString(),
                "VOIDVM_NODEAGENT_ACCELERATOR", "tcg",
                "VOIDVM_NODEAGENT_TESTDISKPATH", TestGuests.markerDisk(workDir.resolve("disks"), marker).toString(),
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS,
                "LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN"));
        node.putAll(FaultTimings.forComponent(SharedPlatform.NODE_AGENT));
        this.agent = new BootApp(SharedPlatform.NODE_AGENT, jars.jar(SharedPlatform.NODE_AGENT),
                JvmArgs.of(false, 256), node, logDir, FreePorts.next());
    }

    /** Starts the three JVMs side by side on the shared servers and waits until all are ready. */
    public static VmStartBenchStack start() {
        VmStartBenchStack stack = new VmStartBenchStack(Deployables.locate(), PostgresServer.shared(),
                KafkaBroker.shared(), KeycloakServer.shared());
        try {
            List.of(stack.authService, stack.vmService, stack.agent).forEach(BootApp::launch);
            List.of(stack.authService, stack.vmService, stack.agent)
                    .forEach(app -> app.awaitReady(SharedPlatform.READY_TIMEOUT));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** A user's calls straight to vm-service. */
    public VoidvmApi api(VoidvmRealm.User user) {
        return new VoidvmApi(vmService.baseUrl(), new AccessTokens(keycloak.tokens(), user));
    }

    @Override
    public void close() {
        try {
            StopSteps.runAll("stopping the benchmark stack", List.of(agent::stop, vmService::stop, authService::stop,
                    () -> QemuProcesses.killAll(workDir.toString())));
        } finally {
            HarnessFiles.deleteRecursively(workDir);
        }
    }
}
