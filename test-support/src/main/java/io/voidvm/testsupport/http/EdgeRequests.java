package io.voidvm.testsupport.http;

import java.util.List;

/**
 * Requests that Reactor Netty or Spring refuse before any filter or controller runs, with the problem each must
 * get (ADR 0017). Every service and the gateway are tested with the same list.
 */
public final class EdgeRequests {

    /** One hostile request: its request line, extra headers, and the status and problem code it must get. */
    public record EdgeRequest(String name, String requestLine, List<String> headers, int status, String code) {

        public RawResponse sendTo(int port) {
            return RawHttp.send(port, requestLine, headers.toArray(String[]::new));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private EdgeRequests() {
    }

    /** The hostile requests against {@code path} (e.g. {@code /api/v1/vms}). */
    public static List<EdgeRequest> against(String path) {
        return List.of(
                new EdgeRequest("bad percent-encoding in the path", "GET " + path + "/%ZZ HTTP/1.1", List.of(),
                        400, "malformed-request"),
                new EdgeRequest("bad percent-encoding in the query", "GET " + path + "?status=%ZZ HTTP/1.1",
                        List.of(), 400, "malformed-request"),
                new EdgeRequest("literal {id} in the path", "GET " + path + "/{id} HTTP/1.1", List.of(), 400,
                        "malformed-request"),
                new EdgeRequest("6,000-character query", "GET " + path + "?cursor=" + "c".repeat(6000) + " HTTP/1.1",
                        List.of(), 414, "uri-too-long"),
                new EdgeRequest("20 KB of headers", "GET " + path + " HTTP/1.1",
                        List.of("X-Padding-1: " + "h".repeat(10_000), "X-Padding-2: " + "h".repeat(10_000)), 431,
                        "request-header-fields-too-large"));
    }
}
