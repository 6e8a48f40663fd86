package io.voidvm.monitoring.deadletter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import io.voidvm.monitoring.deadletter.web.DeadLetterView.ValueEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeadLetterViewsTest {

    private final DeadLetterViews views = new DeadLetterViews(
            new DeadLetterProperties(256, 10, Duration.ofSeconds(30), Duration.ofSeconds(10)));

    @Test
    void showsAValueAsJsonWhenItIsJsonElseAsTextElseAsBase64() {
        DeadLetterView json = views.letter(letter("{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)));
        assertThat(json.valueEncoding()).isEqualTo(ValueEncoding.JSON);
        assertThat(((JsonNode) json.value()).path("a").path(1).asInt()).isEqualTo(2);

        DeadLetterView text = views.letter(letter("{\"a\": 1} and more".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.valueEncoding()).as("trailing text is not JSON").isEqualTo(ValueEncoding.TEXT);
        assertThat(text.value()).isEqualTo("{\"a\": 1} and more");

        DeadLetterView binary = views.letter(letter(new byte[] {(byte) 0xc3, 0x28}));
        assertThat(binary.valueEncoding()).isEqualTo(ValueEncoding.BASE64);
        assertThat(binary.value()).isEqualTo("wyg=");
    }

    @Test
    void aValueAboveTheCapIsDescribedBySizeOnlyAndATombstoneHasNone() {
        DeadLetterView big = views.letter(letter(("\"" + "x".repeat(300) + "\"").getBytes(StandardCharsets.UTF_8)));
        assertThat(big.valueEncoding()).isEqualTo(ValueEncoding.OMITTED);
        assertThat(big.value()).isNull();
        assertThat(big.size()).isEqualTo(302);

        DeadLetterView none = views.letter(letter(null));
        assertThat(none.valueEncoding()).isEqualTo(ValueEncoding.NONE);
        assertThat(none.size()).isZero();
    }

    private static DeadLetter letter(byte[] value) {
        return new DeadLetter("t.dlt", 0, 1, Instant.EPOCH, "k".getBytes(StandardCharsets.UTF_8), value,
                new DeadLetter.Origin("t", 0, 7L, Instant.EPOCH, "g"),
                new DeadLetter.Failure("MALFORMED", "x.Y", null, "bad"), null);
    }
}
