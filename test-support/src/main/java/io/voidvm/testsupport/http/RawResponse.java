package io.voidvm.testsupport.http;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One response as read off the wire; header names in lower case. */
public record RawResponse(int status, Map<String, String> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RawResponse {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The body as an RFC 9457 problem, after checking what every voidVM problem has: the problem media type,
     * {@code type}, {@code title}, {@code status} equal to the response's, a {@code detail} without control
     * characters, and a {@code code} that ends the {@code type}.
     */
    public JsonNode problem() {
        String contentType = header("content-type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            throw new AssertionError("not a problem (" + status + ", Content-Type " + contentType + "): " + body);
        }
        JsonNode problem = JSON.readTree(body);
        for (String member : new String[] {"type", "title", "status", "detail", "code"}) {
            if (problem.get(member) == null || problem.get(member).asString().isBlank()) {
                throw new AssertionError("problem without '" + member + "': " + body);
            }
        }
        if (problem.get("status").asInt() != status) {
            throw new AssertionError("problem status differs from the response's " + status + ": " + body);
        }
        if (!problem.get("type").asString().endsWith("/" + problem.get("code").asString())) {
            throw new AssertionError("type does not end with the code: " + body);
        }
        if (problem.get("detail").asString().chars().anyMatch(Character::isISOControl)) {
            throw new AssertionError("detail holds control characters: " + body);
        }
        return problem;
    }
}
