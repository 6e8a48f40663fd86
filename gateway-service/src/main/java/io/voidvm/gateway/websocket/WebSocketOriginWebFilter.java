package io.voidvm.gateway.websocket;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.security.BrowserProperties;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a WebSocket upgrade whose {@code Origin} is neither the gateway's own nor a configured CORS origin,
 * with a 403 problem. Browsers attach the session cookie to a cross-site upgrade and skip the CORS preflight,
 * so without this check any page could open a tenant's console (cross-site WebSocket hijacking). Upgrades
 * without an Origin come from non-browser clients, which must present a bearer token anyway.
 */
@Component
public class WebSocketOriginWebFilter implements WebFilter, Ordered {

    /** After the request size limit (-200), before the login rate limit (-150) and Spring Security (-100). */
    static final int ORDER = -190;

    private final ProblemWriter problems;
    private final Set<String> allowedOrigins;

    public WebSocketOriginWebFilter(BrowserProperties browser, ProblemWriter problems) {
        this.problems = problems;
        this.allowedOrigins = Set.copyOf(browser.corsAllowedOrigins());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!isUpgrade(request)) {
            return chain.filter(exchange);
        }
        String origin = request.getHeaders().getOrigin();
        if (origin == null || !CorsUtils.isCorsRequest(request) || allowedOrigins.contains(origin)) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, Problem.of(GatewayProblem.FORBIDDEN,
                "WebSocket connections from origin " + origin + " are not allowed").with("origin", origin));
    }

    private static boolean isUpgrade(ServerHttpRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
