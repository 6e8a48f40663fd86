package io.voidvm.httpedge;

import java.nio.charset.StandardCharsets;

/**
 * The problems answered before a request reaches Spring. Codes and type URIs follow service-kit's
 * {@code ProblemType} and the gateway's {@code GatewayProblem}: same base, same code for the same meaning.
 */
public record EdgeProblem(String code, int status, String title) {

    public static final EdgeProblem MALFORMED_REQUEST = new EdgeProblem("malformed-request", 400, "Malformed request");
    public static final EdgeProblem URI_TOO_LONG = new EdgeProblem("uri-too-long", 414, "URI too long");
    public static final EdgeProblem HEADERS_TOO_LARGE = new EdgeProblem("request-header-fields-too-large", 431,
            "Request header fields too large");

    public static final String TYPE_BASE = "https://voidvm.io/problems/";

    /**
     * The problem body. {@code detail} is written by this module, never copied from the request; no
     * {@code instance}, because the request target is the broken part. {@code limitBytes} is omitted when
     * negative.
     */
    public byte[] body(String detail, long limitBytes) {
        StringBuilder json = new StringBuilder(256)
                .append("{\"type\":\"").append(TYPE_BASE).append(code)
                .append("\",\"title\":\"").append(title)
                .append("\",\"status\":").append(status)
                .append(",\"detail\":");
        appendString(json, detail);
        json.append(",\"code\":\"").append(code).append('"');
        if (limitBytes >= 0) {
            json.append(",\"limitBytes\":").append(limitBytes);
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
