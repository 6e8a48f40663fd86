package io.voidvm.servicekit.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.servicekit.testapp.WebSliceTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one input rule set every service gets from service-kit: no scalar coercion, no duplicate keys, UTF-8 JSON
 * only, no control characters in strings, query parameters or path segments. Each refusal is a problem naming
 * the field or parameter.
 */
class StrictInputTest extends WebSliceTest {

    private static final String VALID = "\"title\":\"ok\"";

    @LocalServerPort
    private int port;

    private WebTestClient.ResponseSpec post(String json) {
        return post(json, MediaType.APPLICATION_JSON);
    }

    private WebTestClient.ResponseSpec post(String json, MediaType type) {
        return client.post().uri("/api/v1/notes")
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken()))
                .contentType(type)
                .bodyValue(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String uri) {
        // an absolute URI is sent as it is: the percent-escapes reach the server undecoded
        return client.get().uri(URI.create("http://localhost:" + port + uri))
                .header(HttpHeaders.AUTHORIZATION, bearer(userToken())).exchange();
    }

    private static void assertNames(WebTestClient.ResponseSpec response, int status, String code, String field) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("java.", "tools."));
    }

    @Test
    void plainStringsAndMultilineTextPass() {
        post("{" + VALID + ",\"body\":\"line 1\\n\\tline 2\\r\\n\",\"tags\":[\"a\",\"ü €\"],"
             + "\"labels\":{\"k\":\"v\"},\"author\":{\"name\":\"Zoë 😀\"},\"pinned\":true,\"stars\":3}")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.body").isEqualTo("line 1\n\tline 2\r\n")
                .jsonPath("$.author.name").isEqualTo("Zoë 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "12345", "9223372036854775808", "1.5", "-0", "1e3"})
    void scalarForAStringIsRefusedNamingTheField(String scalar) {
        assertNames(post("{\"title\":" + scalar + "}"), 400, "malformed-request", "title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "", " ", "\\u001b"})
    void aBlankOrControlStringIsNoIdOrInstantAndNotTakenAsNull(String value) {
        assertNames(post("{" + VALID + ",\"parentId\":\"" + value + "\"}"), 400, "malformed-request", "parentId");
        assertNames(post("{" + VALID + ",\"remindAt\":\"" + value + "\"}"), 400, "malformed-request", "remindAt");
    }

    @Test
    void scalarForANestedOrListedStringIsRefused() {
        assertNames(post("{" + VALID + ",\"author\":{\"name\":42}}"), 400, "malformed-request", "author.name");
        assertNames(post("{" + VALID + ",\"tags\":[\"a\",false]}"), 400, "malformed-request", "tags[1]");
        assertNames(post("{" + VALID + ",\"labels\":{\"k\":7}}"), 400, "malformed-request", "labels.k");
    }

    @Test
    void stringsAndNumbersForOtherScalarsAreRefused() {
        assertNames(post("{" + VALID + ",\"stars\":\"2\"}"), 400, "malformed-request", "stars");
        assertNames(post("{" + VALID + ",\"stars\":2.5}"), 400, "malformed-request", "stars");
        assertNames(post("{" + VALID + ",\"pinned\":1}"), 400, "malformed-request", "pinned");
        assertNames(post("{" + VALID + ",\"pinned\":\"true\"}"), 400, "malformed-request", "pinned");
    }

    @Test
    void duplicateKeyIsRefusedNamingIt() {
        assertNames(post("{\"title\":\"a\",\"title\":\"b\"}"), 400, "malformed-request", "title");
        assertNames(post("{" + VALID + ",\"author\":{\"name\":\"a\",\"name\":\"b\"}}"), 400, "malformed-request",
                "author.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-16", "UTF-16LE", "iso-8859-1", "us-ascii"})
    void nonUtf8CharsetIsA415(String charset) {
        post("{" + VALID + "}", MediaType.parseMediaType("application/json; charset=" + charset))
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("unsupported-media-type")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("UTF-8"));
    }

    @Test
    void utf8CharsetIsAccepted() {
        post("{" + VALID + "}", MediaType.parseMediaType("application/json; charset=UTF-8")).expectStatus().isCreated();
        post("{" + VALID + "}", MediaType.parseMediaType("application/json;charset=utf-8")).expectStatus().isCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\u001b[31m", "\\t", "\\n", "\\u007f", "\\u0085", "\\u009b",
                            "\\ud800", "x\\udc00"})
    void controlCharactersInAStringAreRefusedNamingTheField(String escaped) {
        assertNames(post("{\"title\":\"" + escaped + "\"}"), 400, "validation-failed", "title");
    }

    @Test
    void controlCharactersAreRefusedWhereverTheStringIs() {
        assertNames(post("{" + VALID + ",\"tags\":[\"ok\",\"\\u0000\"]}"), 400, "validation-failed", "tags[1]");
        assertNames(post("{" + VALID + ",\"labels\":{\"k\":\"\\u0007\"}}"), 400, "validation-failed", "labels.k");
        assertNames(post("{" + VALID + ",\"author\":{\"name\":\"\\u001b\"}}"), 400, "validation-failed",
                "author.name");
        assertNames(post("{" + VALID + ",\"labels\":{\"\\u0000\":\"v\"}}"), 400, "validation-failed", "labels");
    }

    @Test
    void multilineTextAllowsLineBreaksAndTabsButNoOtherControls() {
        assertNames(post("{" + VALID + ",\"body\":\"ok\\nthen\\u0000\"}"), 400, "validation-failed", "body");
        assertNames(post("{" + VALID + ",\"body\":\"\\u001b[31m\"}"), 400, "validation-failed", "body");
    }

    @Test
    void controlCharacterInAQueryParameterIsRefusedNamingIt() {
        assertNames(get("/api/v1/notes/n1?q=%00"), 400, "invalid-request", "q");
        assertNames(get("/api/v1/notes/n1?q=a%1Bb"), 400, "invalid-request", "q");
        assertNames(get("/api/v1/notes/n1?other=%C2%85"), 400, "invalid-request", "other");
        get("/api/v1/notes/n1?q=caf%C3%A9").expectStatus().isOk().expectBody().jsonPath("$.q").isEqualTo("café");
    }

    @Test
    void controlCharacterInAPathSegmentIsRefusedNamingTheVariable() {
        assertNames(get("/api/v1/notes/a%07b"), 400, "invalid-request", "noteId");
        assertNames(get("/api/v1/nowhere/a%07b"), 400, "invalid-request", "path");
    }
}
