package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.qemu.TestGuests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The platform as a client meets it: the gateway in front of every domain service, all from their fat jars on
 * the shared PostgreSQL (one database, a schema per service), Kafka and Keycloak. By default no node agent: VMs
 * stay PENDING, which is all an API-level test needs; {@link #startWithNode} adds one, holding the default storage
 * pool. {@link #close()} stops every JVM (and any QEMU the agent started).
 */
public final class PlatformStack implements AutoCloseable {

    /** The gateway's key for each service (its {@code voidvm.gateway.services.*} setting), in start order. */
    public static final Map<String, String> SERVICES = orderedServices();

    private final Path workDir;
    private final KeycloakServer keycloak;
    private final Map<String, BootApp> services = new LinkedHashMap<>();
    private final BootApp gateway;
    private final String nodeName;
    private final String marker;
    private final BootApp agent;

    private PlatformStack(String name, Deployables jars, PostgresServer postgres, KafkaBroker kafka,
                          KeycloakServer keycloak, boolean withNode) {
        this.keycloak = keycloak;
        this.workDir = SystemStack.createTempDir("voidvm-ps-");
        this.nodeName = "ps-" + name;
        this.marker = "ps-" + name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String tokenUri = keycloak.issuerUri() + "/protocol/openid-connect/token";
        Path logDir = SystemStack.freshLogDir(name);
        String database = "ps_" + name.replace('-', '_');
        postgres.createDatabaseIfMissing(database);
        Map<String, Integer> ports = new HashMap<>();
        SERVICES.keySet().forEach(service -> ports.put(service, FreePorts.next()));
        for (String service : SERVICES.keySet()) {
            Map<String, String> environment = new HashMap<>(service.equals("auth-service")
                    ? ServiceEnvironment.authService(postgres, database, kafka, keycloak)
                    : ServiceEnvironment.domainService(postgres, database, kafka, keycloak));
            // data directories (blob store, pools) under this stack's temporary directory
            environment.put("VOIDVM_HOME", workDir.toString());
            switch (service) {
                case "vm-service" -> {
                    environment.put("VOIDVM_VM_QUOTA_AUTHSERVICEURL", url(ports.get("auth-service")));
                    environment.put("VOIDVM_VM_STORAGE_STORAGESERVICEURL", url(ports.get("storage-service")));
                    environment.put("VOIDVM_VM_STORAGE_SWEEPINTERVAL", "1s");
                }
                case "image-service" -> {
                    environment.put("VOIDVM_IMAGE_STORAGE_URL", url(ports.get("storage-service")));
                    environment.put("VOIDVM_IMAGE_QUOTA_URL", url(ports.get("auth-service")));
                    environment.put("VOIDVM_IMAGE_PLATFORMCLIENT_TOKENURI", tokenUri);
                }
                case "storage-service" -> {
                    // the default pool lives on this stack's node (when it has one)
                    environment.put("VOIDVM_STORAGE_DEFAULTPOOL_NODENAME", nodeName);
                    environment.put("VOIDVM_STORAGE_CLIENTS_IMAGESERVICE", url(ports.get("image-service")));
                    environment.put("VOIDVM_STORAGE_CLIENTS_VMSERVICE", url(ports.get("vm-service")));
                    environment.put("VOIDVM_STORAGE_CLIENTS_AUTHSERVICE", url(ports.get("auth-service")));
                    environment.put("VOIDVM_STORAGE_CLIENTS_TOKENURI", tokenUri);
                }
                default -> { }
            }
            services.put(service, new BootApp(service, jars.jar(service), SystemStack.jvmArgs(true, 320, null),
                    environment, logDir, ports.get(service)));
        }
        Map<String, String> gatewayEnvironment = new HashMap<>();
        SERVICES.forEach((service, key) -> gatewayEnvironment.put("VOIDVM_GATEWAY_SERVICES_" + key.toUpperCase(),
                url(ports.get(service))));
        gatewayEnvironment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", keycloak.issuerUri());
        gatewayEnvironment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS);
        this.gateway = new BootApp("gateway-service", jars.jar("gateway-service"), SystemStack.jvmArgs(true, 320, null),
                gatewayEnvironment, logDir, FreePorts.next());
        this.agent = withNode ? new BootApp("node-agent", jars.nodeAgentJar(),
                SystemStack.jvmArgs(true, 256, SystemStack.NODE_VCPUS),
                agentEnvironment(kafka, url(ports.get("image-service")), url(ports.get("vm-service")), tokenUri),
                logDir, FreePorts.next()) : null;
    }

    /** One node agent (TCG) whose pools and image cache live under this stack's state directory. */
    private Map<String, String> agentEnvironment(KafkaBroker kafka, String imageService, String vmService,
                                                 String tokenUri) {
        Path testDisk = TestGuests.markerDisk(workDir.resolve("disks"), marker);
        return Map.ofEntries(
                Map.entry("SPRING_KAFKA_BOOTSTRAPSERVERS", kafka.bootstrapServers()),
                Map.entry("VOIDVM_NODEAGENT_NODENAME", nodeName),
                Map.entry("VOIDVM_NODEAGENT_STATEDIR", stateDir().toString()),
                Map.entry("VOIDVM_NODEAGENT_ACCELERATOR", "tcg"),
                Map.entry("VOIDVM_NODEAGENT_HEARTBEATINTERVAL", "1s"),
                Map.entry("VOIDVM_NODEAGENT_TESTDISKPATH", testDisk.toString()),
                Map.entry("VOIDVM_NODEAGENT_VOLUMES_IMAGESERVICEURL", imageService),
                Map.entry("VOIDVM_NODEAGENT_VOLUMES_PLATFORM_TOKENURL", tokenUri),
                // the resync (ADR 0011) asks this stack's vm-service, as the platform client
                Map.entry("VOIDVM_NODEAGENT_RECONCILE_VMSERVICEURL", vmService),
                // QEMU serves one QMP client, the agent: its query-block comes through this endpoint instead
                Map.entry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,vmblockdevices"),
                Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS),
                Map.entry("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN"));
    }

    /** Seven JVMs starting together on two cores take about two minutes; allow for a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** Starts every JVM side by side and waits until all are ready. */
    public static PlatformStack start(String name) {
        return start(name, false);
    }

    /**
     * The same with one node agent ({@link #nodeName()}, TCG) holding the default storage pool, so VMs run and
     * boot volumes are made from images: the agent fetches blobs from image-service as the platform.
     */
    public static PlatformStack startWithNode(String name) {
        return start(name, true);
    }

    private static PlatformStack start(String name, boolean withNode) {
        PlatformStack stack = new PlatformStack(name, Deployables.locate(), PostgresServer.shared(),
                KafkaBroker.shared(), KeycloakServer.shared(), withNode);
        try {
            stack.services.values().forEach(BootApp::launch);
            stack.gateway.launch();
            if (stack.agent != null) {
                stack.agent.launch();
            }
            stack.services.values().forEach(app -> app.awaitReady(READY_TIMEOUT));
            stack.gateway.awaitReady(READY_TIMEOUT);
            if (stack.agent != null) {
                stack.agent.awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** A user's calls through the gateway with a bearer token from the real Keycloak. */
    public VoidvmApi api(VoidvmRealm.User user) {
        return new VoidvmApi(gateway.baseUrl(), new AccessTokens(keycloak.tokens(), user));
    }

    /** Calls through the gateway as the platform (client credentials of {@code voidvm-platform}: role admin). */
    public VoidvmApi platformApi() {
        return new VoidvmApi(gateway.baseUrl(), () -> keycloak.tokens().clientCredentials(VoidvmRealm.PLATFORM));
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

    public String nodeName() {
        return nodeName;
    }

    /**
     * QMP {@code query-block} of VM {@code vmId}'s QEMU, as the node agent relays it
     * ({@code GET /actuator/vmblockdevices/{vmId}}): an array of {@code device, nodeName, file, driver, readOnly,
     * virtualSizeBytes}; empty while the VM has no QEMU.
     */
    public JsonNode queryBlock(UUID vmId) {
        if (agent == null) {
            throw new IllegalStateException("this stack has no node agent");
        }
        return VoidvmApi.anonymous(agent.baseUrl()).call("GET", "/actuator/vmblockdevices/" + vmId, null)
                .expect(200).body();
    }

    /** The agent's state directory: {@code pools/} (volumes), {@code images/} (cached bases), {@code vms/}. */
    public Path stateDir() {
        return workDir.resolve("state");
    }

    /** A scratch directory of this stack, deleted by {@link #close()}. */
    public Path workDir() {
        return workDir;
    }

    public BootApp service(String name) {
        BootApp service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in " + services.keySet());
        }
        return service;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        List<BootApp> all = new ArrayList<>();
        if (agent != null) {
            all.add(agent);
        }
        all.add(gateway);
        all.addAll(services.values());
        for (BootApp app : all) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (agent != null) {
            try {
                QemuProcesses.killAll(workDir.toString());
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        SystemStack.deleteRecursively(workDir);
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("closing the platform stack failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static Map<String, String> orderedServices() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("auth-service", "auth");
        services.put("vm-service", "vm");
        services.put("image-service", "image");
        services.put("network-service", "network");
        services.put("storage-service", "storage");
        services.put("monitoring-service", "monitoring");
        return java.util.Collections.unmodifiableMap(services);
    }
}
