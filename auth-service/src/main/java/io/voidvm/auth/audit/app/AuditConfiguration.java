package io.voidvm.auth.audit.app;

import io.voidvm.auth.audit.db.AuditRepository;
import io.voidvm.auth.config.AuthProperties;
import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Polls Keycloak's events every {@code keycloak-events-poll} while the application runs (a service-kit
 * {@link PeriodicSweep}; off with keycloak-events-enabled=false).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "voidvm.auth.audit.keycloak-events-enabled", havingValue = "true")
class AuditConfiguration {

    @Bean
    IdentityEventImporter identityEventImporter(IdentityEventFeed feed, AuditRepository repository, Clock clock) {
        return new IdentityEventImporter(feed, repository, clock);
    }

    @Bean
    PeriodicSweep identityEventPolling(Sweeps sweeps, IdentityEventImporter importer, AuthProperties properties) {
        return sweeps.every("keycloak-event-import", properties.audit().keycloakEventsPoll(), importer::importNew);
    }
}
