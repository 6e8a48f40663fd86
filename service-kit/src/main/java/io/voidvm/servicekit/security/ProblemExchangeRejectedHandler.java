package io.voidvm.servicekit.security;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded slash, {@code ..} or a control character
 * in the path, a malformed header) with a 400 problem instead of a bare status. The firewall's own message is
 * not echoed: it may quote the hostile input.
 */
final class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private final ProblemWriter writer;

    ProblemExchangeRejectedHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return writer.write(exchange, Problem.of(ProblemType.MALFORMED_REQUEST,
                "the request path or headers contain characters that are not allowed (for example an encoded"
                        + " slash, '..' or a control character)"));
    }
}
