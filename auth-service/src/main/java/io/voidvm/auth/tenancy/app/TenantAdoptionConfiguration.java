package io.voidvm.auth.tenancy.app;

import io.voidvm.auth.config.AuthProperties;
import io.voidvm.servicekit.sweep.PeriodicSweep;
import io.voidvm.servicekit.sweep.Sweeps;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Runs {@link TenantAdoption}: one pass as soon as the service runs, retried with backoff until Keycloak answers
 * (it may start after this service), then every {@code voidvm.auth.tenants.reconcile-interval} (a service-kit
 * {@link PeriodicSweep}).
 */
@Configuration(proxyBeanMethods = false)
class TenantAdoptionConfiguration {

    @Bean
    PeriodicSweep tenantAdoptionSweep(Sweeps sweeps, TenantAdoption adoption, AuthProperties properties) {
        return sweeps.every("tenant-adoption", properties.tenants().reconcileInterval(), adoption::reconcile);
    }

    @Bean
    AdoptionAtStartUp tenantAdoptionAtStartUp(TenantAdoption adoption) {
        return new AdoptionAtStartUp(adoption);
    }

    /** The start-up pass, once the application is ready; disposed when the context closes. */
    static final class AdoptionAtStartUp implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(AdoptionAtStartUp.class);
        private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
        private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

        private final TenantAdoption adoption;
        private volatile Disposable running;

        AdoptionAtStartUp(TenantAdoption adoption) {
            this.adoption = Objects.requireNonNull(adoption, "adoption");
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            running = adoption.reconcile()
                    .subscribeOn(Schedulers.boundedElastic())
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF).maxBackoff(MAX_BACKOFF)
                            .doBeforeRetry(failed -> log.warn("tenant adoption at start-up failed (attempt {}), "
                                    + "retrying: {}", failed.totalRetries() + 1, failed.failure().toString())))
                    .subscribe(adopted -> log.info("tenant adoption at start-up done: {} users adopted", adopted),
                            error -> log.error("tenant adoption at start-up stopped: {}", error.toString(), error));
        }

        @Override
        public void destroy() {
            Disposable current = running;
            if (current != null) {
                current.dispose();
            }
        }
    }
}
