package io.voidvm.gateway.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * A browser loading a page outside {@code /api}: it asks for HTML by name. Fetches and API clients send
 * {@code application/json} or {@code *}{@code /*}, and get a 401 instead of a redirect they cannot follow.
 */
final class PageNavigation {

    static final ServerWebExchangeMatcher MATCHER = exchange -> {
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        boolean html = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
        return !api && html ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    private PageNavigation() {
    }
}
