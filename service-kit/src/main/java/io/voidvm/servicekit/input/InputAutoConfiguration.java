package io.voidvm.servicekit.input;

import io.voidvm.servicekit.problem.ProblemAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's input rules for every service (ADR 0016): JSON request bodies are read strictly, and query
 * parameters and path segments must be storable text.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, ProblemAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class InputAutoConfiguration {

    /**
     * Replaces the JSON decoder of the server's codecs only (after Boot's own Jackson customizer): WebClients keep
     * the application's mapper, because the answers of Keycloak and peers are not client input.
     */
    @Bean
    RequestJson voidvmRequestJson(JsonMapper jsonMapper) {
        return RequestJson.from(jsonMapper);
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer voidvmStrictJsonRequests(JsonMapper jsonMapper) {
        StrictJsonDecoder decoder = new StrictJsonDecoder(jsonMapper);
        return configurer -> {
            if (configurer instanceof ServerCodecConfigurer server) {
                server.defaultCodecs().jacksonJsonDecoder(decoder);
            }
        };
    }

    @Bean
    StorableParametersFilter voidvmStorableParametersFilter(ObjectProvider<RequestMappingHandlerMapping> routes) {
        return new StorableParametersFilter(routes);
    }
}
