package io.voidvm.gateway.security;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded slash, {@code ..} or {@code ;} in the
 * path, a control character in a header) with a 400 problem instead of a bare status; Spring Security's
 * WebFilterChainProxy picks this bean up. The firewall's message is not echoed: it may quote hostile input.
 */
@Component
class FirewallRejectionProblems implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    FirewallRejectionProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, Problem.of(GatewayProblem.MALFORMED_REQUEST,
                "The request path or headers contain characters that are not allowed (for example an encoded"
                        + " slash, '..' or a control character)"));
    }
}
