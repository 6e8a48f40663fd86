package io.voidvm.auth.audit.app;

import io.voidvm.auth.audit.db.AuditRepository;
import io.voidvm.auth.config.AuthProperties;
import io.voidvm.auth.config.PeriodicTask;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Polls Keycloak's events on a fixed delay while the application runs (off with keycloak-events-enabled=false). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "voidvm.auth.audit.keycloak-events-enabled", havingValue = "true")
class AuditConfiguration {

    @Bean
    IdentityEventImporter identityEventImporter(IdentityEventFeed feed, AuditRepository repository, Clock clock) {
        return new IdentityEventImporter(feed, repository, clock);
    }

    @Bean
    PeriodicTask identityEventPolling(IdentityEventImporter importer, AuthProperties properties) {
        return new PeriodicTask("Keycloak event import", properties.audit().keycloakEventsPoll(),
                importer::importNew);
    }
}
