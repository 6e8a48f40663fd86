package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.KeycloakTokens;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as a client meets it: the gateway in front of every domain service, all from their fat jars on
 * the shared PostgreSQL (one database, a schema per service), Kafka and Keycloak. No node agent: VMs stay
 * PENDING, which is all an API-level test needs. {@link #close()} stops every JVM.
 */
public final class PlatformStack implements AutoCloseable {

    /** The gateway's key for each service (its {@code voidvm.gateway.services.*} setting), in start order. */
    public static final Map<String, String> SERVICES = orderedServices();

    private final Path workDir;
    private final KeycloakServer keycloak;
    private final Map<String, BootApp> services = new LinkedHashMap<>();
    private final BootApp gateway;

    private PlatformStack(String name, Deployables jars, PostgresServer postgres, KafkaBroker kafka,
                          KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.workDir = SystemStack.createTempDir("voidvm-ps-");
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
            String tokenUri = keycloak.issuerUri() + "/protocol/openid-connect/token";
            switch (service) {
                case "vm-service" -> environment.put("VOIDVM_VM_QUOTA_AUTHSERVICEURL", url(ports.get("auth-service")));
                case "image-service" -> {
                    environment.put("VOIDVM_IMAGE_STORAGE_URL", url(ports.get("storage-service")));
                    environment.put("VOIDVM_IMAGE_PLATFORMCLIENT_TOKENURI", tokenUri);
                }
                case "storage-service" -> {
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
    }

    /** Seven JVMs starting together on two cores take about two minutes; allow for a busy machine. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** Starts every JVM side by side and waits until all are ready. */
    public static PlatformStack start(String name) {
        PlatformStack stack = new PlatformStack(name, Deployables.locate(), PostgresServer.shared(),
                KafkaBroker.shared(), KeycloakServer.shared());
        try {
            stack.services.values().forEach(BootApp::launch);
            stack.gateway.launch();
            stack.services.values().forEach(app -> app.awaitReady(READY_TIMEOUT));
            stack.gateway.awaitReady(READY_TIMEOUT);
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
        List<BootApp> all = new ArrayList<>(List.of(gateway));
        all.addAll(services.values());
        for (BootApp app : all) {
            try {
                app.stop();
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
