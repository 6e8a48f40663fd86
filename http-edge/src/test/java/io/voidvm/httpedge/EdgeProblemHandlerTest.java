package io.voidvm.httpedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The handler behind a real HTTP/1.1 codec, fed raw bytes as a client would send them. */
class EdgeProblemHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpServerCodec(4096, 8192, 8192), new EdgeProblemHandler(EdgeLimits.DEFAULTS));

    private String send(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
        return drain();
    }

    private static JsonNode problemIn(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head).containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("connection: close");
        JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("type").asString()).isEqualTo("https://voidvm.io/problems/" + body.get("code").asString());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
        return body;
    }

    private List<HttpRequest> passedOn() {
        List<HttpRequest> requests = new ArrayList<>();
        for (Object read; (read = channel.readInbound()) != null; ) {
            if (read instanceof HttpRequest request) {
                requests.add(request);
            }
            ReferenceCountUtil.release(read);
        }
        return requests;
    }

    @Test
    void badPercentEncodingInPathOrQueryIs400ProblemAndCloses() {
        for (String target : List.of("/api/v1/vms/%ZZ", "/api/v1/vms?status=%ZZ", "/api/v1/vms/{id}",
                "/api/v1/vms?status=%", "http://example.com/a%G0")) {
            EmbeddedChannel fresh = new EmbeddedChannel(new HttpServerCodec(), new EdgeProblemHandler(EdgeLimits.DEFAULTS));
            fresh.writeInbound(Unpooled.copiedBuffer("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    StandardCharsets.ISO_8859_1));
            JsonNode body = problemIn(drain(fresh), 400);
            assertThat(body.get("code").asString()).isEqualTo("malformed-request");
            assertThat(body.get("detail").asString()).doesNotContain("%ZZ");
            assertThat((Object) fresh.readInbound()).as(target).isNull();
            assertThat(fresh.isOpen()).isFalse();
        }
    }

    @Test
    void requestLineOverTheLimitIs414Problem() {
        JsonNode body = problemIn(send("GET /api/v1/vms?cursor=" + "a".repeat(6000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                414);
        assertThat(body.get("code").asString()).isEqualTo("uri-too-long");
        assertThat(body.get("limitBytes").asLong()).isEqualTo(4096);
        assertThat(passedOn()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void headersOverTheLimitAre431Problem() {
        JsonNode body = problemIn(send("GET /api/v1/vms HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\n\r\n"), 431);
        assertThat(body.get("code").asString()).isEqualTo("request-header-fields-too-large");
        assertThat(body.get("limitBytes").asLong()).isEqualTo(8192);
        assertThat(passedOn()).isEmpty();
    }

    @Test
    void garbageIs400Problem() {
        JsonNode body = problemIn(send("GET /a HTTP/1.1\r\nBad Header\u0001: x\r\n\r\n"), 400);
        assertThat(body.get("code").asString()).isEqualTo("malformed-request");
    }

    @Test
    void validRequestsPassUntouched() {
        assertThat(send("GET /api/v1/vms?status=RUNNING&name=a%20b HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
        assertThat(passedOn()).extracting(HttpRequest::uri).containsExactly("/api/v1/vms?status=RUNNING&name=a%20b");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void refusalPipelinedBehindAnOpenRequestWaitsForItsResponse() {
        assertThat(send("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /%ZZ HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
        assertThat(passedOn()).extracting(HttpRequest::uri).containsExactly("/first");

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer("first", StandardCharsets.UTF_8)));
        String both = drain();
        assertThat(both).startsWith("HTTP/1.1 200 OK");
        problemIn(both.substring(both.indexOf("HTTP/1.1 400")), 400);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void informationalResponsesDoNotEndARequest() {
        assertThat(send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n"
                + "GET /%ZZ HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
        DefaultFullHttpResponse proceed = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE);
        channel.writeOutbound(proceed);
        String out = drain();
        assertThat(out).startsWith("HTTP/1.1 100").doesNotContain("400");
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertThat(drain()).contains("HTTP/1.1 200").contains("HTTP/1.1 400");
    }

    private String drain() {
        return drain(channel);
    }

    private static String drain(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        for (Object written; (written = channel.readOutbound()) != null; ) {
            out.append(((ByteBuf) written).toString(StandardCharsets.UTF_8));
            ReferenceCountUtil.release(written);
        }
        return out.toString();
    }
}
