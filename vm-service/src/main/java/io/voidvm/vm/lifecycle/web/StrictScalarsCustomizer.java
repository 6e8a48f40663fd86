package io.voidvm.vm.lifecycle.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies mean what they say: {@code "cpuCores": 2.5} is not silently 2 and {@code "cpuCores": "2"} is
 * not a number, so a client bug shows up as a 400 instead of a VM other than the one it asked for.
 */
@Component
class StrictScalarsCustomizer implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public int getOrder() {
        return 20;
    }
}
