package io.voidvm.gateway.websocket;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import io.voidvm.gateway.resilience.ResilienceProperties;
import io.voidvm.gateway.websocket.WebSocketProperties.UnavailableRoute;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Answers a WebSocket upgrade on a route listed in {@code voidvm.gateway.websocket.unavailable-routes} before
 * upgrading: 501 {@code not-implemented}, or first, for a route with {@code check-parent}, whatever the service
 * answers when the caller (with the token the route would relay) reads the parent resource, if that is an error.
 * Without this, the gateway upgrades first, then fails to reach the service and closes with 1002. Runs after
 * the route filters (token relay) and before the WebSocket routing filter; the credentials were checked earlier.
 */
@Component
class UnavailableWebSocketFilter implements GlobalFilter, Ordered {

    private final ProblemWriter problems;
    private final ResilienceProperties resilience;
    private final Map<String, UnavailableRoute> unavailable;
    private final WebClient client = WebClient.create();

    UnavailableWebSocketFilter(WebSocketProperties properties, ResilienceProperties resilience,
            ProblemWriter problems) {
        this.problems = problems;
        this.resilience = resilience;
        this.unavailable = properties.unavailableRoutes().stream()
                .collect(Collectors.toMap(UnavailableRoute::routeId, Function.identity()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return chain.filter(exchange);
        }
        UnavailableRoute unavailableRoute = unavailable.get(route.getId());
        if (unavailableRoute == null) {
            return chain.filter(exchange);
        }
        String service = String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
        Mono<Void> notYet = Mono.defer(() -> problems.write(exchange, Problem.of(GatewayProblem.NOT_IMPLEMENTED,
                        "WebSocket connections on this path are not available yet: " + service
                                + " does not serve them")
                .with("service", service)));
        if (!unavailableRoute.checkParent()) {
            return notYet;
        }
        return readParent(exchange, route)
                .onErrorResume(unreachable -> Mono.just(ParentAnswer.UNREACHABLE))
                .flatMap(answer -> {
                    if (answer.status() >= 200 && answer.status() < 300) {
                        return notYet;
                    }
                    if (answer.status() >= 500) {
                        return problems.write(exchange, Problem.of(GatewayProblem.SERVICE_UNAVAILABLE,
                                service + " is not reachable or not answering").with("service", service));
                    }
                    if (answer.problemJson()) {
                        return problems.relay(exchange, answer.status(), answer.body());
                    }
                    GatewayProblem kind = GatewayProblem.forStatus(answer.status());
                    return problems.write(exchange, Problem.of(kind, kind.title()));
                });
    }

    private Mono<ParentAnswer> readParent(ServerWebExchange exchange, Route route) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getURI().getRawPath();
        URI parent = UriComponentsBuilder.fromUri(route.getUri())
                .replacePath(path.substring(0, path.lastIndexOf('/')))
                .build(true).toUri();
        return client.get().uri(parent)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchangeToMono(answer -> answer.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> new ParentAnswer(answer.statusCode().value(), answer.headers().contentType()
                                .filter(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith).isPresent(), body)))
                .timeout(resilience.timeoutFor(route.getId()));
    }

    /** What the service answered for the parent resource. */
    private record ParentAnswer(int status, boolean problemJson, byte[] body) {
        static final ParentAnswer UNREACHABLE = new ParentAnswer(503, false, new byte[0]);
    }

    /** After the route filters and the route's URL resolution, before the WebSocket routing filter. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
