package io.voidvm.servicekit.security;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as a problem; says when the cause is a token without a tenant, the one case a user can act on. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemAccessDeniedHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return exchange.getPrincipal()
                .map(principal -> TenantRequired.lacksTenant(principal)
                        ? "the token carries no tenant; ask an administrator to assign you to one"
                        : "you are not allowed to do this")
                .defaultIfEmpty("you are not allowed to do this")
                .flatMap(detail -> writer.write(exchange, Problem.of(ProblemType.FORBIDDEN, detail)));
    }
}
