package io.voidvm.image.blob;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.image.blob.store.BlobStore;
import io.voidvm.image.blob.store.StreamedFile;
import io.voidvm.image.blob.store.StreamingWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class StreamingWriterTest {

    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void writesHashesAndCounts() throws Exception {
        Path target = dir.resolve("out.part");
        int chunks = 160;   // 10 MiB
        StreamedFile file = StreamingWriter.write(chunks(chunks), target, Long.MAX_VALUE, limit -> new IllegalStateException("limit " + limit),
                new AtomicLong()).block(Duration.ofSeconds(30));

        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < chunks; i++) {
            expected.update(chunk(i));
        }
        assertThat(file.sizeBytes()).isEqualTo((long) chunks * CHUNK).isEqualTo(Files.size(target));
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }

    @Test
    void stopsAtTheLimitAndRemovesThePartialFile() {
        Path target = dir.resolve("big.part");
        AtomicLong progress = new AtomicLong();
        StepVerifier.create(StreamingWriter.write(chunks(100), target, 10L * CHUNK + 1, limit ->
                        new IllegalStateException("over " + limit), progress))
                .expectErrorMessage("over " + (10L * CHUNK + 1))
                .verify(Duration.ofSeconds(30));
        assertThat(target).doesNotExist();
        assertThat(progress.get()).as("stopped while streaming").isLessThanOrEqualTo(11L * CHUNK);
    }

    @Test
    void aCancelledWriteLeavesNoFile() {
        Path target = dir.resolve("cancelled.part");
        Sinks.Many<DataBuffer> source = Sinks.many().unicast().onBackpressureBuffer();
        var subscription = StreamingWriter.write(source.asFlux(), target, Long.MAX_VALUE,
                limit -> new IllegalStateException("limit " + limit), new AtomicLong()).subscribe();
        source.tryEmitNext(DefaultDataBufferFactory.sharedInstance.wrap(chunk(1)));
        subscription.dispose();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(target).doesNotExist());
    }

    @Test
    void blobPathsAreContentAddressed(@TempDir Path root) {
        BlobStore store = new BlobStore(root);
        String sha = "ab".repeat(32);
        assertThat(store.pathOf(sha)).isEqualTo(root.toAbsolutePath().resolve("sha256/ab/" + sha));
        assertThat(BlobStore.isSha256("../../etc/passwd")).isFalse();
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    private static Flux<DataBuffer> chunks(int count) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk(i)));
    }

    private static byte[] chunk(int index) {
        byte[] bytes = new byte[CHUNK];
        java.util.Arrays.fill(bytes, (byte) index);
        return bytes;
    }
}
