package io.voidvm.gateway.websocket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WebSocket routes ({@code voidvm.gateway.websocket.*}).
 *
 * @param unavailableRoutes routes whose service does not serve WebSockets yet: the gateway answers them itself,
 *                          before the upgrade, instead of upgrading and then failing to reach the service
 */
@Validated
@ConfigurationProperties("voidvm.gateway.websocket")
public record WebSocketProperties(@DefaultValue List<@Valid UnavailableRoute> unavailableRoutes) {

    /**
     * @param routeId     a route id from {@code spring.cloud.gateway.server.webflux.routes}
     * @param checkParent whether the caller must first be able to read the path's parent resource at the
     *                    route's service ({@code /api/v1/vms/{id}} for {@code /api/v1/vms/{id}/console}); its
     *                    refusal (404 for a VM of another tenant) is passed on as it is
     */
    public record UnavailableRoute(@NotBlank String routeId, @DefaultValue("false") boolean checkParent) {
    }
}
