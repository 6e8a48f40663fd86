package io.voidvm.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/** Requests that authenticate with {@code Authorization: Bearer ...}: API clients, never a browser session. */
final class BearerRequests {

    static final ServerWebExchangeMatcher MATCHER = exchange -> {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return bearer ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    private BearerRequests() {
    }
}
