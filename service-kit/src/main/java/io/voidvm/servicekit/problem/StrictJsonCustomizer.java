package io.voidvm.servicekit.problem;

import java.util.Objects;
import org.springframework.boot.jackson.autoconfigure.JacksonProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes request bodies with unknown fields fail (a typo such as {@code cpuCore} must not be silently dropped).
 * Boot's standard customizer turns the feature off unconditionally, so this one runs after it; an explicit
 * {@code spring.jackson.deserialization.fail-on-unknown-properties} still wins.
 */
final class StrictJsonCustomizer implements JsonMapperBuilderCustomizer, Ordered {

    private final JacksonProperties properties;

    StrictJsonCustomizer(JacksonProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public void customize(JsonMapper.Builder builder) {
        Boolean configured = properties.getDeserialization().get(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        builder.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, configured == null || configured);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
