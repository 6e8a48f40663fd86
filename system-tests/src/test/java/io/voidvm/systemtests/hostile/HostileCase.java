package io.voidvm.systemtests.hostile;

import java.util.Map;

/**
 * One hostile request of the walk: everything valid but one thing.
 *
 * @param kind    what is wrong, as the summary counts it (e.g. {@code nul-in-body}, {@code bad-encoding-in-query})
 * @param detail  where and what exactly (e.g. {@code name="a\u0000b"}), for the failure list
 * @param method  HTTP method
 * @param target  the request target as sent on the wire (path and query, percent-encoded or deliberately not)
 * @param headers extra headers (Content-Type of a body)
 * @param body    the body, or null
 * @param field   the body field (JSON path) or parameter the request targets, when a 400 should name it; else null
 * @param refusal whether the request must be refused (a 4xx), or may also be accepted
 */
public record HostileCase(String kind, String detail, String method, String target, Map<String, String> headers,
                          byte[] body, String field, Refusal refusal) {

    /** What a right answer to the case is, besides never a 5xx and a problem for every error. */
    public enum Refusal {
        /** a 4xx; a 400 must name {@link #field()} in {@code errors[].field} */
        NAMING_FIELD,
        /** a 4xx */
        REQUIRED,
        /** a 4xx or a success: the request may be fine to serve (a long but legal query string) */
        OPTIONAL
    }

    public HostileCase {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return method + " " + target + " [" + kind + ": " + detail + "]";
    }
}
