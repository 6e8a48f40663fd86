package io.voidvm.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.voidvm.contracts.JsonTreeDiff;
import io.voidvm.contracts.SampleMessages;
import io.voidvm.contracts.envelope.MessageType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the JSON of every message type to {@code src/test/resources/golden/<type>.json}. A failure means
 * the wire shape changed: either revert, or (for an additive change) accept it with
 * {@code -Dgolden.update=true} and review the diff; a breaking change also bumps schemaVersion.
 */
class GoldenFileTest {

    private static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final MessageCodec codec = new MessageCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void encodedShapeMatchesGoldenFile(MessageType type) throws IOException {
        Path file = goldenFile(type);
        JsonNode actual = json.readTree(codec.encode(SampleMessages.sample(type)));
        if (UPDATE) {
            Files.writeString(file, actual.toPrettyString() + "\n");
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; run the build with -Dgolden.update=true to create it");
        }
        List<String> differences = JsonTreeDiff.diff(json.readTree(file.toFile()), actual);
        if (!differences.isEmpty()) {
            fail("JSON shape of " + type.wireName() + " drifted from " + file + ":\n  "
                    + String.join("\n  ", differences)
                    + "\nIf intended: rerun with -Dgolden.update=true; bump schemaVersion if readers would break.");
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void goldenFileDecodesToTheSample(MessageType type) throws IOException {
        assertThat(codec.decode(Files.readAllBytes(goldenFile(type)))).isEqualTo(SampleMessages.sample(type));
    }

    @Test
    void everyGoldenFileBelongsToAMessageType() throws IOException {
        List<String> expected = Arrays.stream(MessageType.values()).map(t -> t.wireName() + ".json").toList();
        try (Stream<Path> files = Files.list(GOLDEN_DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("stale golden files in %s", GOLDEN_DIR)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static Path goldenFile(MessageType type) {
        return GOLDEN_DIR.resolve(type.wireName() + ".json");
    }
}
