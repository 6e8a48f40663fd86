package io.voidvm.nodeagent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image cache against a real HTTP server on 127.0.0.1 and the platform's client-credentials tokens. */
class ImageCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private FakeImageService service;
    private ImageCache cache;

    @BeforeEach
    void start() throws IOException {
        service = new FakeImageService();
        cache = cache(Long.MAX_VALUE, Set.of());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private ImageCache cache(long maxBytes, Set<String> inUse) {
        AccessTokens tokens = new PlatformTokens(service.tokenUrl(), FakeImageService.CLIENT_ID,
                FakeImageService.CLIENT_SECRET);
        HttpBlobSource source = new HttpBlobSource(service.baseUrl(), tokens, WAIT, WAIT);
        return new ImageCache(dir.resolve("images"), maxBytes, source, () -> inUse, Clock.systemUTC());
    }

    @Test
    void aBlobIsDownloadedWithThePlatformTokenVerifiedAndCachedOnce() throws IOException {
        byte[] content = randomBytes(200_000, 1);
        String sha = sha256(content);
        service.put(sha, content);

        Path cached = cache.ensure(sha);
        Path again = cache.ensure(sha);

        assertThat(cached).isEqualTo(dir.resolve("images").resolve(sha)).isEqualTo(again);
        assertThat(Files.readAllBytes(cached)).isEqualTo(content);
        assertThat(service.blobRequests).containsExactly("full");
        assertThat(service.tokenRequests.get()).isEqualTo(1);
        assertThat(service.unauthorized.get()).isZero();
    }

    @Test
    void aBlobWhoseContentIsNotItsHashIsRefusedAndNotCached() {
        byte[] content = randomBytes(50_000, 2);
        String claimed = sha256(randomBytes(10, 3));
        service.put(claimed, content);

        assertThatThrownBy(() -> cache.ensure(claimed))
                .isInstanceOfSatisfying(VolumeFailure.class, failure ->
                        assertThat(failure.code()).isEqualTo(VolumeFailure.IMAGE_CHECKSUM_MISMATCH));
        assertThat(dir.resolve("images").resolve(claimed)).doesNotExist();
        assertThat(dir.resolve("images").resolve(claimed + ".partial")).doesNotExist();
        assertThat(cache.list()).isEmpty();
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequest() throws IOException {
        byte[] content = randomBytes(300_000, 4);
        String sha = sha256(content);
        service.put(sha, content);
        service.breakAfter = 100_000;

        Path cached = cache.ensure(sha);

        assertThat(Files.readAllBytes(cached)).isEqualTo(content);
        assertThat(service.blobRequests).hasSize(2);
        assertThat(service.blobRequests.getFirst()).isEqualTo("full");
        // resumed from what the partial file held, not from zero
        assertThat(service.blobRequests.get(1)).startsWith("bytes=").isNotEqualTo("bytes=0-");
        long resumedFrom = Long.parseLong(service.blobRequests.get(1).substring(6, service.blobRequests.get(1).length() - 1));
        assertThat(resumedFrom).isPositive().isLessThanOrEqualTo(100_000);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        HttpBlobSource source = new HttpBlobSource(service.baseUrl(),
                new PlatformTokens(service.tokenUrl(), FakeImageService.CLIENT_ID, "wrong"), WAIT, WAIT);
        ImageCache refused = new ImageCache(dir.resolve("other"), Long.MAX_VALUE, source, Set::of, Clock.systemUTC());
        byte[] content = randomBytes(10, 5);
        service.put(sha256(content), content);

        assertThatThrownBy(() -> refused.ensure(sha256(content)))
                .isInstanceOfSatisfying(VolumeFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo(VolumeFailure.IMAGE_DOWNLOAD_FAILED);
                    assertThat(failure.getMessage()).doesNotContain("wrong");
                });
        assertThat(service.blobRequests).isEmpty();
    }

    @Test
    void concurrentRequestsForOneBlobShareOneDownload() throws Exception {
        byte[] content = randomBytes(100_000, 6);
        String sha = sha256(content);
        service.put(sha, content);
        CountDownLatch release = new CountDownLatch(1);
        service.hold = release;

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> cache.ensure(sha), threads);
            await().atMost(WAIT).until(() -> service.blobRequests.size() == 1);
            CompletableFuture<Path> second = CompletableFuture.supplyAsync(() -> cache.ensure(sha), threads);
            CompletableFuture<Path> third = CompletableFuture.supplyAsync(() -> cache.ensure(sha), threads);
            release.countDown();

            assertThat(first.get()).isEqualTo(second.get()).isEqualTo(third.get());
        }
        assertThat(service.blobRequests).containsExactly("full");
    }

    @Test
    void theLeastRecentlyUsedBlobIsEvictedButNeverABaseInUse() throws IOException {
        byte[] a = randomBytes(40_000, 7);
        byte[] b = randomBytes(40_000, 8);
        byte[] c = randomBytes(40_000, 9);
        for (byte[] blob : new byte[][] {a, b, c}) {
            service.put(sha256(blob), blob);
        }
        ImageCache small = cache(100_000, Set.of(sha256(a)));

        small.ensure(sha256(a));
        Files.setLastModifiedTime(small.path(sha256(a)), java.nio.file.attribute.FileTime.fromMillis(1_000));
        small.ensure(sha256(b));
        Files.setLastModifiedTime(small.path(sha256(b)), java.nio.file.attribute.FileTime.fromMillis(2_000));
        small.ensure(sha256(c));

        // a is the oldest but a volume uses it; b is evicted instead
        assertThat(small.path(sha256(a))).exists();
        assertThat(small.path(sha256(b))).doesNotExist();
        assertThat(small.path(sha256(c))).exists();
    }

    @Test
    void aLeasedBlobIsNotEvictedWhileAVolumeIsBuiltOnIt() throws IOException {
        byte[] a = randomBytes(60_000, 10);
        byte[] b = randomBytes(60_000, 11);
        byte[] c = randomBytes(30_000, 12);
        for (byte[] blob : new byte[][] {a, b, c}) {
            service.put(sha256(blob), blob);
        }
        ImageCache small = cache(100_000, Set.of());

        try (ImageCache.Lease lease = small.lease(sha256(a))) {
            Files.setLastModifiedTime(lease.path(), java.nio.file.attribute.FileTime.fromMillis(1_000));
            small.ensure(sha256(b));
            // over the limit, and a is the least recently used: only the lease keeps it
            assertThat(lease.path()).exists();
        }
        small.ensure(sha256(c));
        assertThat(small.path(sha256(a))).doesNotExist();
        assertThat(small.path(sha256(b))).exists();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
