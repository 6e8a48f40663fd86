package io.voidvm.servicekit.security;

import io.voidvm.servicekit.problem.domain.ForbiddenException;
import io.voidvm.servicekit.tenancy.domain.CallerClaims;
import java.security.Principal;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Authorises any authenticated caller who can act for a tenant: a tenant claim, or the admin role. Checked for
 * every protected route here, once, so no service can forget it (DESIGN 6).
 */
final class TenantRequired implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .<AuthorizationResult>map(auth -> new AuthorizationDecision(auth.isAuthenticated() && !lacksTenant(auth)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    static boolean lacksTenant(Principal principal) {
        if (!(principal instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
            return false;
        }
        try {
            CallerClaims.toCaller(token.getTokenAttributes());
            return false;
        } catch (ForbiddenException e) {
            return true;
        }
    }
}
