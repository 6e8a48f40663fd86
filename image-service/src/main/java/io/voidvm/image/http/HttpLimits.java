package io.voidvm.image.http;

import io.voidvm.image.config.ImageProperties;
import io.voidvm.servicekit.problem.ProblemWriter;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request to image-service ends within its time limit: Reactor Netty closes a connection whose request body
 * pauses longer than {@code voidvm.image.http.read-timeout} (a trickling or stalled uploader; its upload ends FAILED,
 * "interrupted") and a kept-alive connection idle longer than {@code idle-timeout}; {@link HandlerDeadline} bounds
 * the handlers that do not stream a body.
 */
@Configuration(proxyBeanMethods = false)
class HttpLimits {

    @Bean
    NettyServerCustomizer imageServiceTimeouts(ImageProperties properties) {
        ImageProperties.Http http = properties.http();
        return server -> server.readTimeout(http.readTimeout()).idleTimeout(http.idleTimeout());
    }

    @Bean
    HandlerDeadline handlerDeadline(ImageProperties properties, ProblemWriter problems) {
        return new HandlerDeadline(properties.http().handlerTimeout(), problems);
    }
}
