package io.voidvm.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URIs of the services behind the gateway. The route definitions in {@code application.yaml} read the
 * same keys, so binding them here is what makes a missing or malformed URI fail start-up with its name
 * instead of surfacing as a 500 on the first request.
 *
 * @param services one base URI per downstream service ({@code voidvm.gateway.services.vm}, ...)
 */
@Validated
@ConfigurationProperties("voidvm.gateway")
public record DownstreamProperties(@NotNull @Valid Services services) {

    /** One field per service rather than a free map: a forgotten service is a named validation error. */
    public record Services(
            @NotNull @HttpUrl URI vm,
            @NotNull @HttpUrl URI auth,
            @NotNull @HttpUrl URI image,
            @NotNull @HttpUrl URI network,
            @NotNull @HttpUrl URI storage,
            @NotNull @HttpUrl URI monitoring) {

        /** The URIs keyed by service name, for code that treats all services alike (docs aggregation, probes). */
        public Map<String, URI> byName() {
            return Map.of("vm", vm, "auth", auth, "image", image, "network", network, "storage", storage,
                    "monitoring", monitoring);
        }
    }
}
