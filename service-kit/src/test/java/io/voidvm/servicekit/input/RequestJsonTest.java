package io.voidvm.servicekit.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON read out of a request part follows the body rules and names the field under the part. */
class RequestJsonTest {

    record Meta(String name, @MultilineText String description, Integer size) {
    }

    /** Unknown fields fail as in a service, where service-kit's StrictJsonCustomizer sets it on the mapper. */
    private final RequestJson json = RequestJson.from(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    @Test
    void readsValidJson() {
        assertThat(json.read("{\"name\":\"a\",\"description\":\"x\\ny\",\"size\":2}", Meta.class, "metadata"))
                .isEqualTo(new Meta("a", "x\ny", 2));
    }

    @Test
    void refusalsNameTheFieldUnderThePart() {
        assertRefused("{\"name\":12345}", "metadata.name", "must be a string");
        assertRefused("{\"name\":\"a\\u0000\"}", "metadata.name", "must not contain control characters (U+0000)");
        assertRefused("{\"name\":\"a\",\"name\":\"b\"}", "metadata.name", "appears more than once");
        assertRefused("{\"size\":\"2\"}", "metadata.size", "must be an integer");
        assertRefused("{\"nope\":1}", "metadata.nope", "unknown field");
        assertRefused("{\"name\":", "metadata", "is not valid JSON");
    }

    private void assertRefused(String text, String field, String message) {
        assertThatThrownBy(() -> json.read(text, Meta.class, "metadata"))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.reason()).isEqualTo(message);
                });
    }
}
