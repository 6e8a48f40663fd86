package io.voidvm.gateway.security;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;

/** 401 and 403 as problems, with the RFC 6750 {@code WWW-Authenticate} challenge on 401. */
final class SecurityProblems {

    private SecurityProblems() {
    }

    static ServerAuthenticationEntryPoint unauthorized(ProblemWriter problems) {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
            return problems.write(exchange, Problem.of(GatewayProblem.UNAUTHORIZED,
                    "A valid bearer token or a login session is required"));
        };
    }

    static ServerAccessDeniedHandler forbidden(ProblemWriter problems) {
        return (exchange, denied) -> problems.write(exchange, denied instanceof CsrfException
                ? Problem.of(GatewayProblem.CSRF_TOKEN_INVALID,
                        "State-changing browser requests must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header")
                : Problem.of(GatewayProblem.FORBIDDEN, "Access denied"));
    }

    /** {@code Bearer error="invalid_token", error_description="..."} for a rejected token, bare otherwise. */
    static String challenge(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            StringBuilder challenge = new StringBuilder("Bearer error=\"").append(error.getErrorCode()).append('"');
            if (error.getDescription() != null) {
                challenge.append(", error_description=\"").append(error.getDescription().replace("\"", "'")).append('"');
            }
            return challenge.toString();
        }
        return "Bearer";
    }
}
