package io.voidvm.servicekit.paging;

import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.PageRequest;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Resolves a {@link PageRequest} controller parameter from {@code limit} and {@code cursor}. */
public final class PageRequestArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageRequest.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return Mono.fromSupplier(() -> PageRequest.parse(
                query.getFirst(PageRequest.LIMIT_PARAMETER), query.getFirst(Cursor.PARAMETER)));
    }
}
