package io.voidvm.servicekit.security;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as a problem, with the RFC 6750 {@code WWW-Authenticate} challenge. The reason a token was refused stays
 * in the server log: the client only learns whether it sent none or a bad one.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter writer;

    ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException error) {
        boolean badToken = error instanceof InvalidBearerTokenException;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = badToken ? "the bearer token is invalid or expired" : "a bearer token is required";
        return writer.write(exchange, Problem.of(ProblemType.UNAUTHORIZED, detail).withHeaders(headers));
    }
}
