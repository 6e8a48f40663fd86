package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of every JVM of the {@link SharedPlatform}: which service finds which at what port, the shared
 * PostgreSQL database, Kafka and Keycloak, data directories under the platform's scratch directory, and on top
 * the {@link FaultTimings}. Computes only; starting is the platform's business.
 */
final class PlatformWiring {

    private final PostgresServer postgres;
    private final String database;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final Path workDir;
    private final Map<String, Integer> ports;

    /** @param ports every service's port, by module name, the gateway's too */
    PlatformWiring(PostgresServer postgres, String database, KafkaBroker kafka, KeycloakServer keycloak, Path workDir,
                   Map<String, Integer> ports) {
        this.postgres = postgres;
        this.database = database;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.workDir = workDir;
        this.ports = Map.copyOf(ports);
    }

    /** A domain service (a key of {@link SharedPlatform#SERVICES}). */
    Map<String, String> service(String service, String storageNode) {
        Map<String, String> environment = new HashMap<>(service.equals(SharedPlatform.AUTH_SERVICE)
                ? ServiceEnvironment.authService(postgres, database, kafka, keycloak)
                : ServiceEnvironment.domainService(postgres, database, kafka, keycloak));
        // data directories (blob store, ...) under the platform's scratch directory
        environment.put("VOIDVM_HOME", workDir.resolve("services").toString());
        switch (service) {
            case SharedPlatform.VM_SERVICE -> {
                environment.put("VOIDVM_VM_QUOTA_AUTHSERVICEURL", url(SharedPlatform.AUTH_SERVICE));
                environment.put("VOIDVM_VM_STORAGE_STORAGESERVICEURL", url("storage-service"));
            }
            case "image-service" -> {
                environment.put("VOIDVM_IMAGE_STORAGE_URL", url("storage-service"));
                environment.put("VOIDVM_IMAGE_QUOTA_URL", url(SharedPlatform.AUTH_SERVICE));
                environment.put("VOIDVM_IMAGE_PLATFORMCLIENT_TOKENURI", tokenUri());
            }
            case "storage-service" -> {
                // the default pool lives on the first node; VMs booting from an image volume run there
                environment.put("VOIDVM_STORAGE_DEFAULTPOOL_NODENAME", storageNode);
                environment.put("VOIDVM_STORAGE_CLIENTS_IMAGESERVICE", url("image-service"));
                environment.put("VOIDVM_STORAGE_CLIENTS_VMSERVICE", url(SharedPlatform.VM_SERVICE));
                environment.put("VOIDVM_STORAGE_CLIENTS_AUTHSERVICE", url(SharedPlatform.AUTH_SERVICE));
                environment.put("VOIDVM_STORAGE_CLIENTS_TOKENURI", tokenUri());
            }
            default -> { }
        }
        environment.putAll(FaultTimings.forComponent(service));
        return environment;
    }

    Map<String, String> gateway() {
        Map<String, String> environment = new LinkedHashMap<>();
        SharedPlatform.SERVICES.forEach((service, key) ->
                environment.put("VOIDVM_GATEWAY_SERVICES_" + key.toUpperCase(), url(service)));
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", keycloak.issuerUri());
        // every test of the JVM calls from 127.0.0.1, and drivers poll: the shipped per-address and per-user limits
        // would turn a long run into 429s. The limits themselves are gateway-service's tests' business.
        environment.put("VOIDVM_GATEWAY_RATELIMIT_PERUSER_LIMIT", "1000000000");
        environment.put("VOIDVM_GATEWAY_RATELIMIT_PERIP_LIMIT", "1000000000");
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS);
        environment.putAll(FaultTimings.forComponent(SharedPlatform.GATEWAY));
        return environment;
    }

    /** A node agent (TCG) whose pools and image cache live under its state directory. */
    Map<String, String> agent(String nodeName, Path stateDir, Path testDisk) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_KAFKA_BOOTSTRAPSERVERS", kafka.bootstrapServers());
        environment.put("VOIDVM_NODEAGENT_NODENAME", nodeName);
        environment.put("VOIDVM_NODEAGENT_STATEDIR", stateDir.toString());
        environment.put("VOIDVM_NODEAGENT_ACCELERATOR", "tcg");
        environment.put("VOIDVM_NODEAGENT_TESTDISKPATH", testDisk.toString());
        // blob downloads authenticate as the platform client against this Keycloak
        environment.put("VOIDVM_NODEAGENT_VOLUMES_IMAGESERVICEURL", url("image-service"));
        environment.put("VOIDVM_NODEAGENT_VOLUMES_PLATFORM_TOKENURL", tokenUri());
        // the resync (ADR 0011) asks this platform's vm-service, as the same platform client
        environment.put("VOIDVM_NODEAGENT_RECONCILE_VMSERVICEURL", url(SharedPlatform.VM_SERVICE));
        // QEMU serves one QMP client, the agent: its query-block comes through this endpoint instead
        environment.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,vmblockdevices");
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", ServiceEnvironment.PLAIN_TEXT_LOGS);
        environment.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
        environment.putAll(FaultTimings.forComponent(SharedPlatform.NODE_AGENT));
        return environment;
    }

    private String tokenUri() {
        return keycloak.issuerUri() + "/protocol/openid-connect/token";
    }

    private String url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + service + " in " + ports.keySet());
        }
        return "http://127.0.0.1:" + port;
    }
}
