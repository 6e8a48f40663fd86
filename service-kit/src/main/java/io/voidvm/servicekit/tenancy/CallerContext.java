package io.voidvm.servicekit.tenancy;

import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.servicekit.tenancy.domain.CallerClaims;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The caller of the current request, from the reactive security context. Errors rather than completing empty
 * when there is none, so a route that forgot to require authentication fails loudly (401) instead of running
 * with no tenant filter.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /**
     * @return the caller; errors with a 401 cause when unauthenticated and a 403 problem for a non-admin
     *         token without a tenant claim
     */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller")))
                .map(CallerContext::toCaller);
    }

    static Caller toCaller(Authentication authentication) {
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
            return CallerClaims.toCaller(token.getTokenAttributes());
        }
        throw new AuthenticationCredentialsNotFoundException(
                "unsupported authentication " + authentication.getClass().getSimpleName());
    }
}
