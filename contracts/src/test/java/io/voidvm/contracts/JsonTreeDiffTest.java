package io.voidvm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTreeDiffTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void equalTreesInAnyFieldOrderHaveNoDifferences() {
        assertThat(JsonTreeDiff.diff(json.readTree("{\"a\":1,\"b\":[true,\"x\"]}"),
                json.readTree("{\"b\":[true,\"x\"],\"a\":1.0}"))).isEmpty();
    }

    @Test
    void reportsMissingUnexpectedAndChangedValuesByPointer() {
        assertThat(JsonTreeDiff.diff(json.readTree("{\"a\":1,\"b\":{\"c\":\"x\"},\"l\":[1,2]}"),
                json.readTree("{\"b\":{\"c\":\"y\"},\"d\":null,\"l\":[1]}")))
                .containsExactly(
                        "/a: missing, expected 1",
                        "/b/c: expected \"x\" but was \"y\"",
                        "/d: unexpected, was null",
                        "/l/1: missing, expected 2");
    }
}
