package io.voidvm.testsupport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an answer to input the platform's rules refuse (ADR 0016): the status, a problem body with the expected
 * code, and exactly one entry in {@code errors} naming the field or parameter to blame.
 */
public final class RefusedInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A JSON string holding every kind of character a single-line field refuses, escaped for a JSON document. */
    public static final String CONTROL_ESCAPES = "a\\u0000b\\u001b[31m\\u007f\\u009b";

    private RefusedInput() {
    }

    /**
     * @param contentType the answer's {@code Content-Type}
     * @param body        the answer's bytes
     */
    public static void assertProblemNaming(int status, String contentType, byte[] body, int expectedStatus,
                                           String code, String field) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, text);
        assertNotNull(contentType, text);
        assertTrue(contentType.startsWith("application/problem+json"), contentType + ": " + text);
        JsonNode problem = JSON.readTree(text);
        assertEquals(code, problem.path("code").asString(), text);
        assertEquals(1, problem.path("errors").size(), text);
        assertEquals(field, problem.path("errors").path(0).path("field").asString(), text);
        assertFalse(problem.path("errors").path(0).path("message").asString().isEmpty(), text);
        assertFalse(text.contains("Exception") || text.contains("tools.jackson"), text);
    }
}
