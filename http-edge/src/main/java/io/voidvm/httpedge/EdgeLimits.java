package io.voidvm.httpedge;

/**
 * The HTTP/1.1 decoder's limits, as Spring Boot configures them ({@code server.netty.max-initial-line-length},
 * {@code server.max-http-request-header-size}); named in the problems so a client knows what to shorten.
 */
public record EdgeLimits(long maxInitialLineLength, long maxHeaderSize) {

    /** Reactor Netty's and Spring Boot's defaults. */
    public static final EdgeLimits DEFAULTS = new EdgeLimits(4096, 8192);
}
