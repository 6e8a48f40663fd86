package io.voidvm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.gateway.routing.DownstreamProperties;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class DownstreamPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "voidvm.gateway.services.vm=http://127.0.0.1:8081",
                    "voidvm.gateway.services.auth=http://127.0.0.1:8082",
                    "voidvm.gateway.services.image=http://127.0.0.1:8083",
                    "voidvm.gateway.services.network=http://127.0.0.1:8084",
                    "voidvm.gateway.services.storage=http://127.0.0.1:8085",
                    "voidvm.gateway.services.monitoring=https://monitoring.voidvm.svc:8443");

    @Test
    void bindsEveryServiceUri() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DownstreamProperties.Services services = context.getBean(DownstreamProperties.class).services();
            assertThat(services.vm()).isEqualTo(URI.create("http://127.0.0.1:8081"));
            assertThat(services.byName()).hasSize(6)
                    .containsEntry("monitoring", URI.create("https://monitoring.voidvm.svc:8443"));
        });
    }

    @Test
    void missingServiceFailsNamingIt() {
        runner.withPropertyValues("voidvm.gateway.services.storage=").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("voidvm.gateway.services.storage"));
    }

    @Test
    void nonHttpSchemeFailsNamingIt() {
        runner.withPropertyValues("voidvm.gateway.services.image=ftp://127.0.0.1:21").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("voidvm.gateway.services.image")
                        .hasMessageContaining("http(s)"));
    }

    @Test
    void unparsableUriFailsNamingIt() {
        runner.withPropertyValues("voidvm.gateway.services.auth=http://bad host").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("voidvm.gateway.services.auth"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DownstreamProperties.class)
    static class PropertiesOnly {
    }
}
