package io.voidvm.httpedge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import reactor.netty.http.server.HttpServer;

/**
 * Registers {@link EdgeProblemsCustomizer} in every reactive app on Reactor Netty that has this module: the
 * domain services through service-kit, and the gateway. The limits it names are read from the same
 * properties Spring Boot gives Netty.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(HttpServer.class)
public class HttpEdgeAutoConfiguration {

    @Bean
    EdgeProblemsCustomizer voidvmEdgeProblemsCustomizer(Environment environment) {
        Binder binder = Binder.get(environment);
        long line = binder.bind("server.netty.max-initial-line-length", DataSize.class)
                .map(DataSize::toBytes).orElse(EdgeLimits.DEFAULTS.maxInitialLineLength());
        long headers = binder.bind("server.max-http-request-header-size", DataSize.class)
                .map(DataSize::toBytes).orElse(EdgeLimits.DEFAULTS.maxHeaderSize());
        return new EdgeProblemsCustomizer(new EdgeLimits(line, headers));
    }
}
