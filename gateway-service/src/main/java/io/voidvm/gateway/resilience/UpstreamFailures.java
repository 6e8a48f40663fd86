package io.voidvm.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.requestsize.PayloadTooLargeException;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/** Turns what went wrong on the way to a service into the problem the client gets. */
final class UpstreamFailures {

    static final String FALLBACK_PATH = "/gateway/fallback";
    /** Route metadata key naming the service when the route id does not (e.g. the upload route). */
    static final String SERVICE_METADATA = "service";

    private UpstreamFailures() {
    }

    /** The service behind the exchange's route, or {@code null} when no route matched. */
    static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get(SERVICE_METADATA);
        return service != null ? service.toString() : route.getId();
    }

    /**
     * The path the client asked for. The fallback forward rewrote the request, but the exchange it built
     * decorates the one the server created, whose request is the client's.
     */
    static String originalPath(ServerWebExchange exchange) {
        ServerWebExchange innermost = exchange;
        while (innermost instanceof ServerWebExchangeDecorator decorator) {
            innermost = decorator.getDelegate();
        }
        return innermost.getRequest().getPath().value();
    }

    static Problem problemFor(String service, Throwable failure) {
        Throwable cause = rootOf(failure);
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return Problem.of(GatewayProblem.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + tooLarge.limitBytes() + " bytes for this path")
                    .with("limitBytes", tooLarge.limitBytes());
        }
        if (isTimeout(cause)) {
            return Problem.of(GatewayProblem.GATEWAY_TIMEOUT, service + " did not answer in time")
                    .with("service", service);
        }
        String why = switch (cause) {
            case CallNotPermittedException open -> service + " is failing; calls are held back until it recovers";
            case HttpStatusCodeException answered -> service + " answered " + answered.getStatusCode().value();
            case null, default -> service + " is not reachable or not answering";
        };
        return Problem.of(GatewayProblem.SERVICE_UNAVAILABLE, why).with("service", service);
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause instanceof org.springframework.cloud.gateway.support.TimeoutException
                || cause instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof PayloadTooLargeException || current instanceof CallNotPermittedException
                    || current instanceof TimeoutException) {
                return current;
            }
            if (current.getCause() == null || current.getCause() == current) {
                return current;
            }
            current = current.getCause();
        }
        return failure;
    }
}
