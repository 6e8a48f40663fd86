package io.voidvm.nodeagent.volume;

import static io.voidvm.nodeagent.volume.ImageCacheTest.randomBytes;
import static io.voidvm.nodeagent.volume.ImageCacheTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob downloads against a real HTTP server on 127.0.0.1 that trickles, falls silent or holds its answers: the
 * deadline, the read timeout and the node-wide download limit.
 */
class ImageDownloadBoundsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private FakeImageService service;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void start() throws IOException {
        service = new FakeImageService();
    }

    @AfterEach
    void stop() {
        service.hold = null;
        service.silence.countDown();
        threads.shutdownNow();
        service.close();
    }

    private ImageCache cache(NodeLimit slots, Duration readTimeout, Duration deadline) {
        AccessTokens tokens = new PlatformTokens(service.tokenUrl(), FakeImageService.CLIENT_ID,
                FakeImageService.CLIENT_SECRET);
        HttpBlobSource source = new HttpBlobSource(service.baseUrl(), tokens, readTimeout, readTimeout);
        return new ImageCache(dir.resolve("images"), Long.MAX_VALUE, source, Set::of, Clock.systemUTC(),
                new ImageCache.Downloads(slots, readTimeout, deadline));
    }

    @Test
    void aTricklingServerIsAbandonedAtTheDeadlineAndItsPartialFileDeleted() {
        byte[] content = randomBytes(100_000, 20);
        String sha = sha256(content);
        service.put(sha, content);
        // a byte every 50 ms: never silent for the read timeout, done in 83 minutes
        service.trickle = Duration.ofMillis(50);
        ImageCache cache = cache(NodeLimit.downloads(2, 2, WAIT), Duration.ofSeconds(5), Duration.ofSeconds(2));

        long started = System.nanoTime();
        CompletableFuture<Path> download = CompletableFuture.supplyAsync(() -> cache.ensure(sha), threads);
        Path partial = dir.resolve("images").resolve(sha + ".partial");
        await().atMost(Duration.ofSeconds(4)).until(() -> Files.exists(partial));

        await().atMost(WAIT).until(download::isDone);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(download).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOfSatisfying(VolumeFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(VolumeFailure.IMAGE_DOWNLOAD_TIMED_OUT);
                    assertThat(failure.getMessage()).contains("did not finish within PT2S", "download-deadline");
                });
        // abandoned at the deadline (plus timer and scheduling slack), not when the blob would have been complete
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(10));
        assertThat(partial).doesNotExist();
        assertThat(dir.resolve("images").resolve(sha)).doesNotExist();
        assertThat(service.blobRequests).containsExactly("full");
    }

    @Test
    void aSlowButSteadyDownloadMayTakeLongerThanTheReadTimeout() throws IOException {
        byte[] content = randomBytes(16, 21);
        String sha = sha256(content);
        service.put(sha, content);
        // 16 bytes, 100 ms apart: 1.6 s in all, never 400 ms without a byte
        service.trickle = Duration.ofMillis(100);
        ImageCache cache = cache(NodeLimit.downloads(2, 2, WAIT), Duration.ofMillis(400), Duration.ofSeconds(30));

        Path cached = cache.ensure(sha);

        assertThat(Files.readAllBytes(cached)).isEqualTo(content);
        assertThat(service.blobRequests).containsExactly("full");
    }

    @Test
    void aServerSilentForTheReadTimeoutIsLeftAndTheDownloadResumed() throws IOException {
        byte[] content = randomBytes(200_000, 22);
        String sha = sha256(content);
        service.put(sha, content);
        service.silentAfter = 50_000;
        ImageCache cache = cache(NodeLimit.downloads(2, 2, WAIT), Duration.ofMillis(500), Duration.ofSeconds(30));

        Path cached = cache.ensure(sha);

        assertThat(Files.readAllBytes(cached)).isEqualTo(content);
        assertThat(service.blobRequests).hasSize(2);
        assertThat(service.blobRequests.get(1)).startsWith("bytes=").isNotEqualTo("bytes=0-");
    }

    @Test
    void downloadsBeyondTheNodeLimitWaitBoundedThenFailAgentBusy() throws Exception {
        byte[][] blobs = {randomBytes(1_000, 23), randomBytes(1_000, 24), randomBytes(1_000, 25)};
        for (byte[] blob : blobs) {
            service.put(sha256(blob), blob);
        }
        CountDownLatch release = new CountDownLatch(1);
        service.hold = release;
        NodeLimit slots = NodeLimit.downloads(1, 1, Duration.ofSeconds(1));
        ImageCache cache = cache(slots, Duration.ofSeconds(10), Duration.ofSeconds(30));

        CompletableFuture<Path> running = CompletableFuture.supplyAsync(() -> cache.ensure(sha256(blobs[0])), threads);
        await().atMost(WAIT).until(() -> service.blobRequests.size() == 1);
        CompletableFuture<Path> waiting = CompletableFuture.supplyAsync(() -> cache.ensure(sha256(blobs[1])), threads);
        await().atMost(WAIT).until(() -> slots.waiting() == 1);
        CompletableFuture<Path> third = CompletableFuture.supplyAsync(() -> cache.ensure(sha256(blobs[2])), threads);

        assertBusy(third, "1 image-downloads run on this node and 1 more wait already");
        assertBusy(waiting, "no image-download slot came free within PT1S");
        assertThat(slots.inUse()).isEqualTo(1);
        assertThat(slots.refused()).isEqualTo(2);
        release.countDown();
        assertThat(Files.readAllBytes(running.get())).isEqualTo(blobs[0]);
        assertThat(slots.inUse()).isZero();
        assertThat(service.blobRequests).hasSize(1);
    }

    private static void assertBusy(CompletableFuture<Path> download, String why) {
        assertThat(download).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOfSatisfying(VolumeFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(VolumeFailure.AGENT_BUSY);
                    assertThat(failure.getMessage()).contains(why, "max-concurrent-downloads=1");
                });
    }
}
