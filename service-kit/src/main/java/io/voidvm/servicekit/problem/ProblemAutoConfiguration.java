package io.voidvm.servicekit.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonProperties;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** Registers the problem handler for reactive web apps and makes JSON request bodies strict. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

    @Bean
    StrictJsonCustomizer voidvmStrictJsonCustomizer(JacksonProperties properties) {
        return new StrictJsonCustomizer(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemMapper problemMapper() {
        return new ProblemMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    @Order(ProblemExceptionHandler.ORDER)
    ProblemExceptionHandler problemExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        return new ProblemExceptionHandler(mapper, writer);
    }
}
