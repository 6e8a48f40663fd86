package io.voidvm.gateway.ratelimit;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;

/** The 429 problem, whichever limit said no. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Problem problem(String retryAfterSeconds) {
        String after = retryAfterSeconds == null ? "1" : retryAfterSeconds;
        Problem problem = Problem.of(GatewayProblem.TOO_MANY_REQUESTS,
                "Rate limit exceeded; retry after " + after + " s (see the RateLimit and RateLimit-Policy headers)");
        try {
            return problem.with("retryAfterSeconds", Long.parseLong(after));
        } catch (NumberFormatException notSeconds) {
            return problem;
        }
    }
}
