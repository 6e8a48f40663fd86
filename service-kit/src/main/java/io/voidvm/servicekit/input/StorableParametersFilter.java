package io.voidvm.servicekit.input;

import io.voidvm.servicekit.input.domain.StorableText;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose decoded query parameters or path segments are not {@linkplain StorableText storable}
 * (a NUL or another control character) with a 400 problem naming the parameter, before any handler, query or log
 * line sees the value. A path segment is named by the route's path variable when a route matches, else
 * {@code path}. Runs before Spring Security, so the name is given even where its firewall would refuse the path
 * with a generic answer.
 */
final class StorableParametersFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    static final int ORDER = -200;

    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    StorableParametersFilter(ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.routes = routes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            String name = parameter.getKey();
            if (StorableText.refusal(name, false).isPresent()) {
                return Mono.error(new InvalidRequestException("query",
                        "parameter names must not contain control characters"));
            }
            for (String value : parameter.getValue()) {
                Optional<String> refusal = value == null ? Optional.empty() : StorableText.refusal(value, false);
                if (refusal.isPresent()) {
                    return Mono.error(new InvalidRequestException(name, refusal.get()));
                }
            }
        }
        for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Optional<String> refusal = StorableText.refusal(segment.valueToMatch(), false);
                if (refusal.isPresent()) {
                    return pathVariable(exchange, segment.valueToMatch())
                            .defaultIfEmpty("path")
                            .flatMap(name -> Mono.error(new InvalidRequestException(name, refusal.get())));
                }
            }
        }
        return chain.filter(exchange);
    }

    /** The path variable of the matching route that holds the refused segment, if a route matches. */
    private Mono<String> pathVariable(ServerWebExchange exchange, String segment) {
        return Flux.fromStream(routes.orderedStream())
                .concatMap(mapping -> mapping.getHandlerInternal(exchange)
                        .flatMap(handler -> Mono.justOrEmpty(variableHolding(exchange, segment)))
                        .onErrorResume(notRouted -> Mono.empty()))
                .next();
    }

    private static Optional<String> variableHolding(ServerWebExchange exchange, String segment) {
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return Optional.empty();
        }
        return variables.entrySet().stream()
                .filter(variable -> variable.getValue().equals(segment))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
