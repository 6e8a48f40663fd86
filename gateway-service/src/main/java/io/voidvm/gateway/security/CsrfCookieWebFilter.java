package io.voidvm.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Subscribes to the deferred CSRF token so the {@code XSRF-TOKEN} cookie is written on every browser
 * response; otherwise it only appears once something renders the token, which an SPA never asks for.
 */
final class CsrfCookieWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
    }
}
