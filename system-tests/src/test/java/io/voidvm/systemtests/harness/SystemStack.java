package io.voidvm.systemtests.harness;

import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.process.ManagedProcess;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * vm-service, auth-service (which vm-service asks about quotas) and one node agent from their fat jars, wired to the shared real PostgreSQL, Kafka and Keycloak of
 * this JVM, with a marker disk as the node's test disk. Every stack gets its own database, node name and state
 * directory. {@link #close()} stops both JVMs and kills every QEMU started below the state directory, also the
 * ones a crashed agent left behind.
 */
public final class SystemStack implements AutoCloseable {

    /**
     * @param name        short DNS-label-safe name: the node is {@code st-<name>}, the database {@code st_<name>}
     * @param quickJvm    C1 only: the JVMs start faster, for tests; benchmarks want the JIT of production
     * @param stopTimeout vm-service's graceful stop timeout (the marker guest ignores ACPI, so every graceful
     *                    stop waits this long before the agent forces it)
     * @param agentSettings environment of the node agent on top of the stack's (e.g. a short resync interval)
     */
    public record Options(String name, boolean quickJvm, Duration stopTimeout, Map<String, String> agentSettings) {

        public Options {
            agentSettings = Map.copyOf(agentSettings);
        }

        public Options(String name, boolean quickJvm, Duration stopTimeout) {
            this(name, quickJvm, stopTimeout, Map.of());
        }
    }

    /** vm-service forgets a node this long after its last heartbeat; the agent beats every second. */
    public static final Duration NODE_LOST_AFTER = Duration.ofSeconds(5);
    /**
     * The vCPUs the agent's JVM sees, hence what the node offers for placement. Placement does not overcommit
     * vCPUs, so a 2-core machine would take only two 1-vCPU guests; the tests need more, and the marker guests
     * sit halted, so the node is presented as a larger host.
     */
    public static final int NODE_VCPUS = 48;
    /** vm-service's smallest VM; the marker guest would do with 32 MiB. */
    public static final long GUEST_MEMORY_MB = 64;

    private static volatile Instant lastAgentStop = Instant.EPOCH;

    private final Options options;
    private final Path workDir;
    private final Path logDir;
    private final String marker;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final BootApp authService;
    private final BootApp vmService;
    private final BootApp agent;

    private SystemStack(Options options, Deployables jars, PostgresServer postgres, KafkaBroker kafka,
                        KeycloakServer keycloak) {
        this.options = options;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        // short: <stateDir>/vms/<uuid>/qmp.sock must fit in a Unix socket path (107 bytes)
        this.workDir = createTempDir("voidvm-st-");
        this.logDir = freshLogDir(options.name());
        this.marker = "st-" + options.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path testDisk = TestGuests.markerDisk(workDir.resolve("disks"), marker);
        String database = "st_" + options.name().replace('-', '_');
        postgres.createDatabaseIfMissing(database);
        this.authService = new BootApp("auth-service", jars.jar("auth-service"),
                jvmArgs(options.quickJvm(), 320, null),
                ServiceEnvironment.authService(postgres, database, kafka, keycloak), logDir, FreePorts.next());
        this.vmService = new BootApp("vm-service", jars.vmServiceJar(), jvmArgs(options.quickJvm(), 384, null),
                vmServiceEnvironment(database), logDir, FreePorts.next());
        this.agent = new BootApp("node-agent", jars.nodeAgentJar(), jvmArgs(options.quickJvm(), 256, NODE_VCPUS),
                agentEnvironment(testDisk), logDir, FreePorts.next());
    }

    /** Starts the JVMs side by side on the shared servers and waits until all are ready. */
    public static SystemStack start(Options options) {
        Deployables jars = Deployables.locate();
        SystemStack stack = new SystemStack(options, jars, PostgresServer.shared(), KafkaBroker.shared(),
                KeycloakServer.shared());
        try {
            stack.authService.launch();
            stack.vmService.launch();
            stack.agent.launch();
            stack.authService.awaitReady();
            stack.vmService.awaitReady();
            stack.agent.awaitReady();
            stack.awaitEarlierNodesLost();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private Map<String, String> vmServiceEnvironment(String database) {
        Map<String, String> environment = new HashMap<>(
                ServiceEnvironment.domainService(postgres, database, kafka, keycloak));
        environment.putAll(Map.of(
                "VOIDVM_VM_DEFAULTSTOPTIMEOUT", options.stopTimeout().toMillis() + "ms",
                "VOIDVM_VM_NODELOSTAFTER", NODE_LOST_AFTER.toMillis() + "ms",
                "VOIDVM_VM_QUOTA_AUTHSERVICEURL", authService.baseUrl(),
                // a broker outage must not leave rows backing off for the default minute after it ends
                "VOIDVM_OUTBOX_BACKOFF_MAX", "2s"));
        return environment;
    }

    private Map<String, String> agentEnvironment(Path testDisk) {
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("SPRING_KAFKA_BOOTSTRAPSERVERS", kafka.bootstrapServers()),
                Map.entry("VOIDVM_NODEAGENT_NODENAME", nodeName()),
                Map.entry("VOIDVM_NODEAGENT_STATEDIR", stateDir().toString()),
                Map.entry("VOIDVM_NODEAGENT_ACCELERATOR", "tcg"),
                Map.entry("VOIDVM_NODEAGENT_HEARTBEATINTERVAL", "1s"),
                Map.entry("VOIDVM_NODEAGENT_TESTDISKPATH", testDisk.toString()),
                // blob downloads authenticate as the platform client against this stack's Keycloak
                Map.entry("VOIDVM_NODEAGENT_VOLUMES_PLATFORM_TOKENURL",
                        keycloak.issuerUri() + "/protocol/openid-connect/token"),
                // the resync (ADR 0011) asks this stack's vm-service, as the platform client
                Map.entry("VOIDVM_NODEAGENT_RECONCILE_VMSERVICEURL", vmService.baseUrl()),
                Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS),
                Map.entry("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN")));
        environment.putAll(options.agentSettings());
        return environment;
    }

    static List<String> jvmArgs(boolean quickJvm, int heapMb, Integer activeProcessors) {
        List<String> args = new ArrayList<>(List.of("-Xmx" + heapMb + "m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED"));
        if (ManagedProcess.javaFeatureOf(ManagedProcess.javaExecutable(21)) >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (quickJvm) {
            args.add("-XX:TieredStopAtLevel=1");
        }
        if (activeProcessors != null) {
            args.add("-XX:ActiveProcessorCount=" + activeProcessors);
            // only the reported capacity should grow: the agent's own concurrency stays that of this host
            int cores = Runtime.getRuntime().availableProcessors();
            args.add("-Djdk.virtualThreadScheduler.parallelism=" + cores);
            args.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + cores);
        }
        return args;
    }

    /**
     * The agent of a stack closed moments ago is still a fresh node in the compacted heartbeat topic, which a new
     * vm-service reads from the start; placing a VM there would strand it. Wait until it counts as lost.
     */
    private void awaitEarlierNodesLost() {
        Instant lostAt = lastAgentStop.plus(NODE_LOST_AFTER).plusMillis(500);
        await("earlier stacks' nodes lost").atMost(NODE_LOST_AFTER.plusSeconds(2))
                .until(() -> Instant.now().isAfter(lostAt));
    }

    public VoidvmApi api(VoidvmRealm.User user) {
        return new VoidvmApi(vmService.baseUrl(), new AccessTokens(keycloak.tokens(), user));
    }

    public String nodeName() {
        return "st-" + options.name();
    }

    public String commandTopic() {
        return Topics.nodeCommands(nodeName());
    }

    public Path stateDir() {
        return workDir.resolve("state");
    }

    public Path vmDir(UUID vmId) {
        return stateDir().resolve("vms").resolve(vmId.toString());
    }

    /** What the guest prints on COM1 once it has booted. */
    public String readyLine() {
        return TestGuests.readyLine(marker);
    }

    public BootApp vmService() {
        return vmService;
    }

    public BootApp authService() {
        return authService;
    }

    public BootApp agent() {
        return agent;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public TopicTap topics() {
        return new TopicTap(kafka.bootstrapServers());
    }

    /** Stops the JVMs, kills any QEMU left under the state directory and deletes the stack's files. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : List.<Runnable>of(agent::stop, vmService::stop, authService::stop,
                () -> QemuProcesses.killAll(workDir.toString()))) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        lastAgentStop = Instant.now();
        deleteRecursively(workDir);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("closing stack " + options.name() + " failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Under Maven the child logs land in {@code target/system-tests/<name>/}, emptied first, for post-mortems. */
    static Path freshLogDir(String name) {
        Path target = Path.of("target");
        Path dir = Files.isDirectory(target) ? target.resolve("system-tests").resolve(name).toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "voidvm-system-tests", name);
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static Path createTempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp dir is harmless, a leftover process is not (handled above)
        }
    }
}
