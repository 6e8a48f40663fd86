package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.keycloak.KeycloakServer;
import io.voidvm.testsupport.postgres.PostgresServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a domain service's fat jar gets in a system test: the shared PostgreSQL (one database per
 * stack, each service in its own schema, as in local mode), Kafka and Keycloak, and plain-text logs.
 */
final class ServiceEnvironment {

    /** Empty switches the services' JSON console logs to plain lines, which people read in target/. */
    static final String PLAIN_TEXT_LOGS = "";

    private ServiceEnvironment() {
    }

    static Map<String, String> domainService(PostgresServer postgres, String database, KafkaBroker kafka,
                                             KeycloakServer keycloak) {
        return Map.ofEntries(
                Map.entry("SPRING_R2DBC_URL", postgres.r2dbcUrl(database)),
                Map.entry("SPRING_R2DBC_USERNAME", postgres.username()),
                Map.entry("SPRING_R2DBC_PASSWORD", postgres.password()),
                Map.entry("SPRING_FLYWAY_URL", postgres.jdbcUrl(database)),
                Map.entry("SPRING_FLYWAY_USER", postgres.username()),
                Map.entry("SPRING_FLYWAY_PASSWORD", postgres.password()),
                Map.entry("SPRING_KAFKA_BOOTSTRAPSERVERS", kafka.bootstrapServers()),
                Map.entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", keycloak.issuerUri()),
                Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", PLAIN_TEXT_LOGS),
                Map.entry("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN"));
    }

    /**
     * auth-service also drives Keycloak's admin API, with the realm's platform client (its local secret). Default
     * quotas are far above what a test or benchmark creates (a burst is up to 40 VMs of one tenant); a test of
     * quotas sets its tenant's own.
     */
    static Map<String, String> authService(PostgresServer postgres, String database, KafkaBroker kafka,
                                           KeycloakServer keycloak) {
        Map<String, String> environment = new HashMap<>(domainService(postgres, database, kafka, keycloak));
        environment.put("VOIDVM_AUTH_KEYCLOAK_SERVERURL", keycloak.url());
        environment.put("VOIDVM_AUTH_DEFAULTQUOTAS_VMS", "1000");
        environment.put("VOIDVM_AUTH_DEFAULTQUOTAS_VCPUS", "1000");
        environment.put("VOIDVM_AUTH_DEFAULTQUOTAS_MEMORYMB", "1048576");
        return environment;
    }
}
