package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.postgres.PostgresServer;
import io.voidvm.testsupport.process.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway benchmark measures: vm-service, and the gateway in front of it, each from its fat jar in a JVM
 * of its own with the default JIT (as deployed), on the shared PostgreSQL, Kafka and Keycloak; auth-service beside
 * them only because a VM create asks it about quotas. The gateway's rate limits are raised out of the way; every
 * other gateway setting is the shipped one.
 */
public final class GatewayBenchStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final int HEAP_MB = 512;

    private final KeycloakServer keycloak;
    private final Path workDir;
    private final BootApp authService;
    private final BootApp vmService;
    private final BootApp gateway;

    private GatewayBenchStack(Deployables jars, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.workDir = HarnessFiles.createTempDir("voidvm-gwbench-");
        Path logDir = HarnessFiles.freshLogDir("gateway-bench");
        String database = "gateway_bench";
        postgres.createDatabaseIfMissing(database);
        int authPort = FreePorts.next();
        int vmPort = FreePorts.next();
        Map<String, String> auth = new HashMap<>(ServiceEnvironment.authService(postgres, database, kafka, keycloak));
        auth.put("VOIDVM_HOME", workDir.toString());
        this.authService = new BootApp("auth-service", jars.jar("auth-service"), JvmArgs.of(true, 320),
                auth, logDir, authPort);
        Map<String, String> vm = new HashMap<>(ServiceEnvironment.domainService(postgres, database, kafka, keycloak));
        vm.put("VOIDVM_HOME", workDir.toString());
        vm.put("VOIDVM_VM_QUOTA_AUTHSERVICEURL", "http://127.0.0.1:" + authPort);
        vm.put("LOGGING_LEVEL_ROOT", "WARN");
        this.vmService = new BootApp("vm-service", jars.jar("vm-service"), JvmArgs.of(false, HEAP_MB),
                vm, logDir, vmPort);
        Map<String, String> edge = new HashMap<>();
        for (String service : List.of("VM", "AUTH", "IMAGE", "NETWORK", "STORAGE", "MONITORING")) {
            edge.put("VOIDVM_GATEWAY_SERVICES_" + service, service.equals("VM")
                    ? "http://127.0.0.1:" + vmPort : "http://127.0.0.1:" + authPort);
        }
        edge.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", keycloak.issuerUri());
        edge.put("VOIDVM_GATEWAY_RATELIMIT_PERUSER_LIMIT", "1000000000");
        edge.put("VOIDVM_GATEWAY_RATELIMIT_PERIP_LIMIT", "1000000000");
        edge.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS);
        edge.put("LOGGING_LEVEL_ROOT", "WARN");
        this.gateway = new BootApp("gateway-service", jars.jar("gateway-service"),
                JvmArgs.of(false, HEAP_MB), edge, logDir, FreePorts.next());
    }

    public static GatewayBenchStack start() {
        GatewayBenchStack stack = new GatewayBenchStack(Deployables.locate(), PostgresServer.shared(),
                KafkaBroker.shared(), KeycloakServer.shared());
        try {
            for (BootApp app : List.of(stack.authService, stack.vmService, stack.gateway)) {
                app.launch();
            }
            for (BootApp app : List.of(stack.authService, stack.vmService, stack.gateway)) {
                app.awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String vmServiceUrl() {
        return vmService.baseUrl();
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    /** A bearer token source for {@code user}, fetched from the real Keycloak and renewed before it expires. */
    public AccessTokens tokens(VoidvmRealm.User user) {
        return new AccessTokens(keycloak.tokens(), user);
    }

    @Override
    public void close() {
        for (BootApp app : List.of(gateway, vmService, authService)) {
            app.stop();
        }
        HarnessFiles.deleteRecursively(workDir);
    }
}
