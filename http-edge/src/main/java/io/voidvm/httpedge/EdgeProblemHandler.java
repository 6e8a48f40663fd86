package io.voidvm.httpedge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.OptionalInt;

/**
 * Sits right after the HTTP/1.1 codec and answers, with a complete {@code application/problem+json} response
 * and then a close, every request that would otherwise get a bare status: one the codec could not decode (a
 * request line over {@code maxInitialLineLength}: 414; headers over {@code maxHeaderSize}: 431; anything else:
 * 400) and one whose target Spring cannot parse as a URI (400; see {@link RequestTargets}). Everything else
 * passes untouched. A refused request that was pipelined behind others is answered after their responses, so
 * the answers keep the requests' order; anything the client sends after it is dropped.
 */
public final class EdgeProblemHandler extends ChannelDuplexHandler {

    /** Name in the channel pipeline. */
    public static final String NAME = "voidvm.edgeProblems";

    static final String PROBLEM_JSON = "application/problem+json";

    private final EdgeLimits limits;
    /** Requests passed on whose response has not ended yet. */
    private int inFlight;
    /** A refusal waiting for the responses to earlier requests. */
    private Refusal pending;
    private boolean refusing;

    public EdgeProblemHandler(EdgeLimits limits) {
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Refusal refusal = refusalFor(request);
            if (refusal != null) {
                refusing = true;
                ReferenceCountUtil.release(msg);
                if (inFlight == 0) {
                    send(ctx, refusal);
                } else {
                    pending = refusal;
                }
                return;
            }
            inFlight++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean ends = msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
        ctx.write(msg, promise);
        if (ends && inFlight > 0 && --inFlight == 0 && pending != null) {
            Refusal refusal = pending;
            pending = null;
            send(ctx, refusal);
        }
    }

    Refusal refusalFor(HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            return refusalFor(decoded.cause());
        }
        OptionalInt invalidAt = RequestTargets.invalidAt(request.uri());
        if (invalidAt.isPresent()) {
            return new Refusal(EdgeProblem.MALFORMED_REQUEST, "The request target is not a valid URI (at character "
                    + invalidAt.getAsInt() + " of its path and query): a '%' must be followed by two hexadecimal"
                    + " digits, and characters such as space, '{', '}', '|', '\\', '^', '`', '<', '>' and '\"'"
                    + " must be percent-encoded", -1);
        }
        return null;
    }

    private Refusal refusalFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(EdgeProblem.URI_TOO_LONG, "The request line (method, path, query and version) is"
                    + " longer than " + limits.maxInitialLineLength() + " bytes; shorten the query",
                    limits.maxInitialLineLength());
        }
        if (cause instanceof TooLongFrameException) {
            return new Refusal(EdgeProblem.HEADERS_TOO_LARGE, "The request's header fields together are larger"
                    + " than " + limits.maxHeaderSize() + " bytes", limits.maxHeaderSize());
        }
        return new Refusal(EdgeProblem.MALFORMED_REQUEST, "The request is not valid HTTP/1.1 (its request line"
                + " or a header could not be parsed)", -1);
    }

    private static void send(ChannelHandlerContext ctx, Refusal refusal) {
        byte[] body = refusal.problem().body(refusal.detail(), refusal.limitBytes());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.problem().status()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** What to answer instead of passing the request on. */
    record Refusal(EdgeProblem problem, String detail, long limitBytes) {
    }
}
