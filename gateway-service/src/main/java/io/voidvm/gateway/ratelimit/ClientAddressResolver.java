package io.voidvm.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address: the TCP peer, or, behind {@code trustedProxies} reverse proxies, the
 * {@code X-Forwarded-For} entry the outermost trusted proxy saw. Entries further left are client-controlled
 * and never trusted.
 */
public final class ClientAddressResolver {

    private final RemoteAddressResolver resolver;

    public ClientAddressResolver(int trustedProxies) {
        this.resolver = trustedProxies > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() {
                    // the interface's default: the TCP peer
                };
    }

    public String addressOf(ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
