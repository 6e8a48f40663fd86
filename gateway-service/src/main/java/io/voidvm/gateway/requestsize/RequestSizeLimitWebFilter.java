package io.voidvm.gateway.requestsize;

import io.voidvm.gateway.problem.GatewayProblem;
import io.voidvm.gateway.problem.Problem;
import io.voidvm.gateway.problem.ProblemWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared {@code Content-Length} over the limit with a 413 problem, first of all filters, so an
 * oversized upload costs neither authentication nor a downstream connection. A chunked body is counted as it
 * streams and fails with {@link PayloadTooLargeException} once past the limit.
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    /** Before the login rate limit (-150) and Spring Security (-100). */
    static final int ORDER = -200;

    private final ProblemWriter problems;
    private final long maxBody;
    private final long maxUpload;
    private final List<PathPattern> uploadPaths;

    public RequestSizeLimitWebFilter(RequestSizeProperties properties, ProblemWriter problems) {
        this.problems = problems;
        this.maxBody = properties.maxBody().toBytes();
        this.maxUpload = properties.maxUpload().toBytes();
        this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getPath().pathWithinApplication());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return problems.write(exchange, Problem.of(GatewayProblem.PAYLOAD_TOO_LARGE,
                            "The request body of " + declared + " bytes exceeds the limit of " + limit
                                    + " bytes for this path")
                    .with("limitBytes", limit));
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private long limitFor(PathContainer path) {
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? maxUpload : maxBody;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** A request whose body errors once more than {@code limit} bytes went through. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
