package io.voidvm.nodeagent.volume;

import io.voidvm.nodeagent.volume.domain.CacheEviction;
import io.voidvm.nodeagent.volume.domain.CachedImage;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified image blobs at {@code <dir>/<sha256>}, the read-only bases of volumes. A blob is downloaded into
 * {@code <sha256>.partial} (resumed with a Range request after an interruption), its SHA-256 checked, and only
 * then renamed into place: a file named by its hash is always the right content, so it is never re-verified.
 * Concurrent requests for one blob share one download. Above {@code maxBytes} the least recently used blobs
 * are evicted, never one that a volume of this node still uses as its backing file.
 *
 * <p>Downloads are bounded ({@link Downloads}): each takes a slot of the node-wide download limit first (a request
 * that finds none within bounds fails {@code AGENT_BUSY}), a transfer that delivers no byte for the read timeout
 * breaks off (and is resumed, as any broken transfer), and the whole download, every attempt included, has a
 * deadline: past it the download is abandoned, its partial file deleted, and the request fails
 * {@code IMAGE_DOWNLOAD_TIMED_OUT}.
 */
public final class ImageCache {

    private static final Logger log = LoggerFactory.getLogger(ImageCache.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PARTIAL = ".partial";
    private static final int ATTEMPTS = 3;

    private final Path dir;
    private final long maxBytes;
    private final BlobSource source;
    private final Supplier<Set<String>> basesInUse;
    private final Clock clock;
    private final Downloads limits;
    private final Map<String, CompletableFuture<Path>> downloads = new ConcurrentHashMap<>();
    /** Blobs a volume is being built on right now: not yet anyone's backing file, but not to be evicted. */
    private final Map<String, Integer> leased = new ConcurrentHashMap<>();
    private final Object evictionLock = new Object();

    /**
     * @param basesInUse the hashes of cached blobs some volume of this node has as backing file; asked only
     *                   when something must be evicted
     */
    public ImageCache(Path dir, long maxBytes, BlobSource source, Supplier<Set<String>> basesInUse, Clock clock) {
        this(dir, maxBytes, source, basesInUse, clock, Downloads.DEFAULTS);
    }

    /**
     * How downloads are bounded.
     *
     * @param slots       the node-wide limit of concurrent downloads
     * @param readTimeout a transfer that delivers no byte for this long breaks off
     * @param deadline    for the whole download, from its first request to a verified file, every attempt included
     */
    record Downloads(NodeLimit slots, Duration readTimeout, Duration deadline) {
        static final Downloads DEFAULTS = new Downloads(NodeLimit.downloads(2, 32, Duration.ofMinutes(10)),
                Duration.ofSeconds(30), Duration.ofHours(1));
    }

    ImageCache(Path dir, long maxBytes, BlobSource source, Supplier<Set<String>> basesInUse, Clock clock,
            Downloads limits) {
        this.limits = limits;
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.source = source;
        this.basesInUse = basesInUse;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Where blob {@code sha256} lives once cached. */
    public Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: '" + sha256 + "'");
        }
        return dir.resolve(sha256);
    }

    /** The hash of {@code file} when it is a blob of this cache. */
    public java.util.Optional<String> shaOf(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!dir.equals(normalized.getParent())) {
            return java.util.Optional.empty();
        }
        String name = normalized.getFileName().toString();
        return SHA256.matcher(name).matches() ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    /** A cached blob held against eviction until closed; build the volume on {@link #path()} inside it. */
    public final class Lease implements AutoCloseable {
        private final String sha256;
        private final Path path;

        private Lease(String sha256, Path path) {
            this.sha256 = sha256;
            this.path = path;
        }

        public Path path() {
            return path;
        }

        @Override
        public void close() {
            leased.computeIfPresent(sha256, (sha, count) -> count == 1 ? null : count - 1);
        }
    }

    /** {@link #ensure} and hold the blob against eviction until the lease is closed. */
    public Lease lease(String sha256) {
        leased.merge(sha256, 1, Integer::sum);
        try {
            return new Lease(sha256, ensure(sha256));
        } catch (RuntimeException e) {
            leased.computeIfPresent(sha256, (sha, count) -> count == 1 ? null : count - 1);
            throw e;
        }
    }

    /**
     * The cached, verified blob; downloads it first when missing. Blocks until done (callers run on virtual
     * threads); a second caller for the same blob waits for the first one's download.
     */
    public Path ensure(String sha256) {
        Path target = path(sha256);
        if (Files.isRegularFile(target)) {
            touch(target);
            return target;
        }
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = downloads.putIfAbsent(sha256, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Path result = Files.isRegularFile(target) ? target : download(sha256, target);
            touch(result);
            mine.complete(result);
            evictAbove(sha256);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            downloads.remove(sha256, mine);
        }
    }

    private Path download(String sha256, Path target) {
        try (NodeLimit.Slot ignored = limits.slots().acquire("download of image " + sha256)) {
            return downloadNow(sha256, target);
        }
    }

    private Path downloadNow(String sha256, Path target) {
        Path partial = dir.resolve(sha256 + PARTIAL);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                fetchInto(sha256, partial, deadline);
                last = null;
                break;
            } catch (TransferWatch.DeadlineExceeded e) {
                long kept = sizeQuietly(partial);
                deleteQuietly(partial);
                log.warn("image {}: download abandoned after attempt {}: {}; partial file ({} bytes) deleted", sha256,
                        attempt, e.getMessage(), kept);
                throw new VolumeFailure(VolumeFailure.IMAGE_DOWNLOAD_TIMED_OUT, "image " + sha256 + ": "
                        + e.getMessage() + " (voidvm.nodeagent.volumes.download-deadline); abandoned after " + kept
                        + " bytes", e);
            } catch (IOException e) {
                last = e;
                log.warn("image {}: download attempt {} of {} broke off: {}", sha256, attempt, ATTEMPTS, e.getMessage());
            }
        }
        if (last != null) {
            throw new VolumeFailure(VolumeFailure.IMAGE_DOWNLOAD_FAILED, "image " + sha256 + " could not be fetched: "
                    + last.getMessage(), last);
        }
        String actual = sha256Of(partial);
        if (!actual.equals(sha256)) {
            deleteQuietly(partial);
            throw new VolumeFailure(VolumeFailure.IMAGE_CHECKSUM_MISMATCH, "image-service sent content with SHA-256 "
                    + actual + " for blob " + sha256 + "; nothing was cached");
        }
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("image {}: cached ({} bytes)", sha256, Files.size(target));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " into place", e);
        }
    }

    /**
     * Appends the missing part of the blob to {@code partial}; starts over when the source ignores the range. The
     * transfer is watched: no byte for the read timeout, or the deadline, breaks it off.
     */
    private void fetchInto(String sha256, Path partial, long deadline) throws IOException {
        TransferWatch.checkDeadline(deadline, limits.deadline());
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        try (BlobSource.Blob blob = source.open(sha256, have);
                TransferWatch watch = new TransferWatch(blob.body(), limits.readTimeout(), deadline,
                        limits.deadline())) {
            if (blob.startOffset() != have) {
                if (blob.startOffset() != 0) {
                    throw new IOException("asked for bytes from " + have + ", got them from " + blob.startOffset());
                }
                Files.deleteIfExists(partial);
            }
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); InputStream in = watch.stream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw watch.explain(e);
            }
            watch.check();
        }
    }

    /** Never fails the request: a cache left above its limit is evicted after the next download. */
    private void evictAbove(String keep) {
        try {
            evictNow(keep);
        } catch (RuntimeException e) {
            log.warn("image cache: eviction skipped ({}); the cache may stay above {} bytes for now", e.getMessage(),
                    maxBytes);
        }
    }

    private void evictNow(String keep) {
        synchronized (evictionLock) {
            List<CachedImage> cached = list();
            long total = cached.stream().mapToLong(CachedImage::sizeBytes).sum();
            if (total <= maxBytes) {
                return;
            }
            Set<String> inUse = new java.util.HashSet<>(basesInUse.get());
            inUse.add(keep);
            inUse.addAll(downloads.keySet());
            inUse.addAll(leased.keySet());
            List<CachedImage> evict = CacheEviction.choose(cached, inUse, maxBytes, 0);
            for (CachedImage image : evict) {
                deleteQuietly(dir.resolve(image.sha256()));
                log.info("image {}: evicted from the cache (least recently used)", image.sha256());
            }
            if (!CacheEviction.fits(cached, evict, maxBytes, 0)) {
                log.warn("image cache holds more than {} bytes: the rest are bases of volumes on this node", maxBytes);
            }
        }
    }

    /** The verified blobs of the cache, with their last use. */
    public List<CachedImage> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CachedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (SHA256.matcher(name).matches() && Files.isRegularFile(file)) {
                    images.add(new CachedImage(name, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return images;
    }

    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            log.debug("cannot touch {}: {}", file, e.getMessage());
        }
    }

    private static String sha256Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static long sizeQuietly(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }
}
