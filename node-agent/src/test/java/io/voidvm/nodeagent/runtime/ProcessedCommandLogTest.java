package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedCommandLogTest {

    @TempDir
    Path dir;

    @Test
    void idsSurviveAReopen() {
        Path file = dir.resolve("processed.log");
        UUID id = UUID.randomUUID();
        try (ProcessedCommandLog log = ProcessedCommandLog.open(file, 100)) {
            assertThat(log.record(id)).isTrue();
            assertThat(log.record(id)).isFalse();
        }
        try (ProcessedCommandLog log = ProcessedCommandLog.open(file, 100)) {
            assertThat(log.contains(id)).isTrue();
            assertThat(log.contains(UUID.randomUUID())).isFalse();
        }
    }

    @Test
    void theFileIsCompactedToTheNewestIds() throws Exception {
        Path file = dir.resolve("processed.log");
        List<UUID> ids = new ArrayList<>();
        try (ProcessedCommandLog log = ProcessedCommandLog.open(file, 100)) {
            for (int i = 0; i < 250; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                log.record(id);
            }
        }
        assertThat(Files.readAllLines(file).size()).isLessThan(200);
        try (ProcessedCommandLog log = ProcessedCommandLog.open(file, 100)) {
            assertThat(log.contains(ids.getLast())).isTrue();
            assertThat(log.contains(ids.get(149))).isFalse();
            assertThat(log.contains(ids.get(150))).isTrue();
        }
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("processed.log");
        UUID id = UUID.randomUUID();
        Files.writeString(file, id + "\n" + UUID.randomUUID().toString().substring(0, 20));
        try (ProcessedCommandLog log = ProcessedCommandLog.open(file, 100)) {
            assertThat(log.contains(id)).isTrue();
        }
    }
}
