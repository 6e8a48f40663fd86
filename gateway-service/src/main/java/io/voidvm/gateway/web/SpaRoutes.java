package io.voidvm.gateway.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * History-mode fallback: a page navigation ({@code Accept: text/html}) to a path that is neither a file nor
 * owned by the API, the login flow or actuator gets {@code index.html}, and the SPA's router takes it from there.
 */
@Configuration(proxyBeanMethods = false)
public class SpaRoutes {

    private static final List<String> NOT_THE_SPA = List.of("/api/", "/actuator/", "/oauth2/", "/login/",
            "/logout", "/gateway/");

    @Bean
    RouterFunction<ServerResponse> spaHistoryFallback() {
        Resource index = new ClassPathResource("static/index.html");
        return RouterFunctions.route(pageNavigation(),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index));
    }

    private static RequestPredicate pageNavigation() {
        return request -> request.method() == HttpMethod.GET
                && acceptsHtml(request)
                && isClientRoute(request.path());
    }

    private static boolean acceptsHtml(ServerRequest request) {
        return request.headers().accept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML)
                && !type.isWildcardType());
    }

    private static boolean isClientRoute(String path) {
        if (path.equals("/") || NOT_THE_SPA.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
