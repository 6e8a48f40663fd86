package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.junit.KafkaExtension;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.qemu.TestGuests;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform, once per test JVM: the gateway in front of every domain service and two node agents (TCG),
 * all from their fat jars, on the shared PostgreSQL (one database, a schema per service), Kafka and Keycloak of
 * test-support. Started on first use ({@link #get()}); stopped with every QEMU it started when the test plan ends
 * ({@link SharedPlatformExtension}) or, failing that, at JVM exit.
 *
 * <p>Tests share it, so each works in {@linkplain #newTenant tenants of its own} and looks only at what it made.
 * A test may kill or stop a component ({@link PlatformNode#kill()}, {@code kafka().stop()},
 * {@code service(name).crash()}) and must bring it back before it ends ({@link PlatformNode#start()},
 * {@link #startKafka()}, {@link #startService}); {@link SharedPlatformExtension} checks that after each test.
 * Settings that make faults quick to observe are in {@link FaultTimings}.
 */
public final class SharedPlatform implements AutoCloseable {

    public static final String GATEWAY = "gateway-service";
    public static final String VM_SERVICE = "vm-service";
    public static final String AUTH_SERVICE = "auth-service";
    /** The component name under which {@link FaultTimings} lists every node agent's settings. */
    public static final String NODE_AGENT = "node-agent";
    /** The domain services in start order, with the gateway's key for each ({@code voidvm.gateway.services.*}). */
    public static final Map<String, String> SERVICES = orderedServices();
    /** vm-service's smallest VM; the marker guest would do with 32 MiB. */
    public static final long GUEST_MEMORY_MB = 64;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final int NODES = 2;
    /** The one database of the platform; each service keeps its tables in a schema named by its key in SERVICES. */
    private static final String DATABASE = "platform";

    private static SharedPlatform shared;
    private static boolean closed;

    private final Path workDir;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final Map<String, BootApp> services = new LinkedHashMap<>();
    private final BootApp gateway;
    private final List<PlatformNode> nodes = new ArrayList<>();
    private final TopicTap topics;
    private final AccessTokens platformTokens;
    private final PlatformHealth health;

    private SharedPlatform(Deployables jars, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.workDir = HarnessFiles.createTempDir("voidvm-sp-");
        this.topics = new TopicTap(kafka.bootstrapServers());
        this.platformTokens = AccessTokens.of(keycloak.tokens(), VoidvmRealm.PLATFORM);
        Path logDir = HarnessFiles.freshLogDir("platform");
        postgres.createDatabaseIfMissing(DATABASE);
        Map<String, Integer> ports = new HashMap<>();
        SERVICES.keySet().forEach(service -> ports.put(service, FreePorts.next()));
        ports.put(GATEWAY, FreePorts.next());
        PlatformWiring wiring = new PlatformWiring(postgres, DATABASE, kafka, keycloak, workDir, ports);
        String storageNode = nodeName(1);
        for (String service : SERVICES.keySet()) {
            services.put(service, new BootApp(service, jars.jar(service), JvmArgs.of(true, 320),
                    wiring.service(service, storageNode), logDir, ports.get(service)));
        }
        this.gateway = new BootApp(GATEWAY, jars.jar(GATEWAY), JvmArgs.of(true, 320), wiring.gateway(), logDir,
                ports.get(GATEWAY));
        NodeWatch watch = new NodeWatch(kafka, topics);
        for (int node = 1; node <= NODES; node++) {
            String name = nodeName(node);
            Path stateDir = workDir.resolve(name);
            // a marker of each node's own, so a guest's serial line says which node's test disk it booted
            String marker = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            Path testDisk = TestGuests.markerDisk(workDir.resolve("disks"), marker);
            BootApp agent = new BootApp(NODE_AGENT + "-" + node, jars.jar(NODE_AGENT), JvmArgs.of(true, 256),
                    wiring.agent(name, stateDir, testDisk), logDir, FreePorts.next());
            nodes.add(new PlatformNode(name, agent, stateDir, marker, watch));
        }
        this.health = new PlatformHealth(this);
    }

    /** The platform of this JVM, started (and awaited) on the first call. */
    public static synchronized SharedPlatform get() {
        if (closed) {
            throw new IllegalStateException("the shared platform of this JVM was already stopped");
        }
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::closeShared, "stop-shared-platform"));
        }
        return shared;
    }

    /** Stops the platform of this JVM if it was started; later {@link #get()} calls fail. */
    static synchronized void closeShared() {
        closed = true;
        if (shared != null) {
            SharedPlatform platform = shared;
            shared = null;
            platform.close();
        }
    }

    private static SharedPlatform start() {
        SharedPlatform platform = new SharedPlatform(Deployables.locate(), PostgresServer.shared(),
                KafkaExtension.sharedBroker(), KeycloakServer.shared());
        try {
            Instant launched = Instant.now();
            platform.allApps().forEach(BootApp::launch);
            platform.allApps().forEach(app -> app.awaitReady(READY_TIMEOUT));
            platform.health.awaitRouted(SERVICES.keySet());
            platform.nodes.forEach(node -> node.awaitSeenSince(launched));
            return platform;
        } catch (RuntimeException | AssertionError e) {
            platform.close();
            throw e;
        }
    }

    /**
     * A new tenant with one member (role user), made through the gateway as the platform: auth-service creates the
     * tenant and the Keycloak user. {@code label} (a few lower-case letters) makes its id readable in logs.
     */
    public Tenant newTenant(String label) {
        String id = (label + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        if (!id.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("'" + label + "' does not make a DNS label");
        }
        VoidvmApi platform = platformApi();
        platform.call("POST", "/api/v1/tenants", "{\"id\":\"" + id + "\",\"displayName\":\"" + label + "\"}")
                .expect(201);
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 12) + "-a1!";
        String email = id + "@tenants.example";
        platform.call("POST", "/api/v1/admin/users", "{\"username\":\"" + id + "\",\"email\":\"" + email
                + "\",\"firstName\":\"Test\",\"lastName\":\"" + label + "\",\"tenantId\":\"" + id
                + "\",\"initialPassword\":\"" + password + "\",\"temporaryPassword\":false}").expect(201);
        VoidvmRealm.User user = new VoidvmRealm.User(id, password, id, false);
        return new Tenant(id, user, email, api(user));
    }

    /** A realm user's calls through the gateway with a bearer token from the real Keycloak. */
    public VoidvmApi api(VoidvmRealm.User user) {
        return new VoidvmApi(gateway.baseUrl(), new AccessTokens(keycloak.tokens(), user));
    }

    /** Calls through the gateway as the platform (client credentials of {@code voidvm-platform}: role admin). */
    public VoidvmApi platformApi() {
        return new VoidvmApi(gateway.baseUrl(), platformTokens);
    }

    public VoidvmApi anonymousApi() {
        return VoidvmApi.anonymous(gateway.baseUrl());
    }

    public KeycloakTokens tokens() {
        return keycloak.tokens();
    }

    public BootApp gateway() {
        return gateway;
    }

    /** A domain service's JVM, by module name (a key of {@link #SERVICES}). */
    public BootApp service(String name) {
        BootApp service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in " + services.keySet());
        }
        return service;
    }

    /** Both nodes, the one holding the default storage pool first. */
    public List<PlatformNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public PlatformNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in " + nodes));
    }

    /** The node a VM view ({@code GET /api/v1/vms/{id}}) names. */
    public PlatformNode nodeOf(JsonNode vm) {
        return node(vm.path("nodeName").asString());
    }

    /** Where image-service stores the blob of {@code sha256} (its blob store, addressed by content). */
    public Path imageBlob(String sha256) {
        return workDir.resolve("services").resolve("images").resolve("sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256);
    }

    /** The node that holds the default storage pool: VMs that boot from an image volume run there. */
    public PlatformNode storageNode() {
        return nodes.getFirst();
    }

    /**
     * A plain JDBC connection to the platform's database, for tests that look at what services stored (read only,
     * by convention): service {@code s} keeps its tables in schema {@code SERVICES.get(s)}.
     */
    public Connection database() throws SQLException {
        return postgres.connect(DATABASE);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public TopicTap topics() {
        return topics;
    }

    /** Starts the broker again if a test stopped it, and waits until vm-service hears from every node again. */
    public void startKafka() {
        health.startKafka();
    }

    /**
     * Starts service {@code name} again if a test stopped or crashed it, and waits until the gateway routes to it
     * (and, for vm-service, until it has heard from every node).
     */
    public void startService(String name) {
        health.startService(name);
    }

    /** Brings back whatever is down, waiting until it is healthy; returns what it had to bring back. */
    public List<String> restore() {
        return health.restore();
    }

    List<BootApp> allApps() {
        List<BootApp> all = new ArrayList<>(services.values());
        all.add(gateway);
        nodes.forEach(node -> all.add(node.agent()));
        return all;
    }

    Map<String, BootApp> services() {
        return Collections.unmodifiableMap(services);
    }

    private static String nodeName(int node) {
        return "node-" + node;
    }

    /**
     * Stops every JVM, the agents first (so no VM is reported stopped to a vm-service that still listens), the rest
     * together; kills every QEMU below the scratch directory.
     */
    @Override
    public void close() {
        List<Runnable> services = new ArrayList<>();
        services.add(gateway::stop);
        this.services.values().forEach(service -> services.add(service::stop));
        try {
            StopSteps.runAll("stopping the shared platform", List.of(
                    () -> StopSteps.runAllAtOnce("stopping the node agents",
                            nodes.stream().<Runnable>map(node -> node.agent()::stop).toList()),
                    () -> StopSteps.runAllAtOnce("stopping the services", services),
                    () -> QemuProcesses.killAll(workDir.toString())));
        } finally {
            HarnessFiles.deleteRecursively(workDir);
        }
    }

    private static Map<String, String> orderedServices() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put(AUTH_SERVICE, "auth");
        services.put(VM_SERVICE, "vm");
        services.put("image-service", "image");
        services.put("network-service", "network");
        services.put("storage-service", "storage");
        services.put("monitoring-service", "monitoring");
        return Collections.unmodifiableMap(services);
    }
}
