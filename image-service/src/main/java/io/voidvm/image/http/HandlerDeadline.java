package io.voidvm.image.http;

import io.voidvm.servicekit.problem.Problem;
import io.voidvm.servicekit.problem.ProblemWriter;
import io.voidvm.servicekit.problem.domain.ProblemType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A handler that has not answered within its deadline answers 503 (with {@code Retry-After}) instead of keeping its
 * client waiting: a database or a dependency that stopped answering must not hold requests forever. Uploads (a PUT of
 * an image's file, a multipart POST), image file downloads and blob downloads stream for as long as their bytes flow,
 * so they are bounded by the read time-out and qemu-img's limit instead (a file download by the longest pause its
 * client may take between buffers); a response already started is cut off rather than replaced.
 */
public final class HandlerDeadline implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(HandlerDeadline.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Duration deadline;
    private final ProblemWriter problems;

    public HandlerDeadline(Duration deadline, ProblemWriter problems) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (streams(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .timeout(deadline)
                .onErrorResume(TimeoutException.class, late -> {
                    ServerHttpRequest request = exchange.getRequest();
                    log.warn("{} {} took longer than {}: answered 503", request.getMethod(), request.getPath(), deadline);
                    if (exchange.getResponse().isCommitted()) {
                        return Mono.error(late);
                    }
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                    return problems.write(exchange, Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                            "the request took longer than " + deadline.toSeconds() + " s; try again",
                            Map.of("deadlineSeconds", deadline.toSeconds())).withHeaders(headers));
                });
    }

    /** Requests whose bodies stream in or out: bounded by the read time-out, not by a fixed deadline. */
    static boolean streams(ServerHttpRequest request) {
        String path = request.getPath().value();
        HttpMethod method = request.getMethod();
        boolean transfer = HttpMethod.PUT.equals(method) || HttpMethod.GET.equals(method);
        return (transfer && path.startsWith("/api/v1/images/") && path.endsWith("/file"))
               || (HttpMethod.POST.equals(method) && path.equals("/api/v1/images") && isMultipart(request))
               || path.startsWith("/internal/v1/blobs/");
    }

    private static boolean isMultipart(ServerHttpRequest request) {
        var type = request.getHeaders().getContentType();
        return type != null && "multipart".equalsIgnoreCase(type.getType());
    }

    @Override
    public int getOrder() {
        // outside the security chain, so an authentication that hangs is bounded too
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
