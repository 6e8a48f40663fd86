package io.voidvm.httpedge;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts an {@link EdgeProblemHandler} right after the HTTP/1.1 codec of every connection. */
public final class EdgeProblemsCustomizer implements NettyServerCustomizer {

    private final EdgeLimits limits;

    public EdgeProblemsCustomizer(EdgeLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(EdgeProblemHandler.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, EdgeProblemHandler.NAME, new EdgeProblemHandler(limits));
            }
        });
    }
}
