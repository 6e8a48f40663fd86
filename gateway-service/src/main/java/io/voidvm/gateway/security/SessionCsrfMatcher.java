package io.voidvm.gateway.security;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF applies to state-changing requests that carry the session cookie: only those carry ambient authority a
 * forged cross-site request could abuse. A request without the cookie is anonymous and gets the 401 it
 * deserves instead of a 403 about a token it could not have had.
 */
final class SessionCsrfMatcher implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final String sessionCookie;

    SessionCsrfMatcher(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        boolean unsafe = !SAFE.contains(exchange.getRequest().getMethod());
        boolean session = exchange.getRequest().getCookies().containsKey(sessionCookie);
        return unsafe && session ? MatchResult.match() : MatchResult.notMatch();
    }
}
