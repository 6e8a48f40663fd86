package io.voidvm.nodeagent.volume.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which cached images to evict so that {@code incomingBytes} more fit under the cache's limit: least recently
 * used first, never a base that a volume on this node still uses as its backing file (evicting it would
 * corrupt that volume), nor the image about to be used.
 */
public final class CacheEviction {

    private CacheEviction() {
    }

    /**
     * @return the images to delete, oldest first; it may not free enough when too many bases are in use, in
     *         which case {@link #fits} of the rest is false
     */
    public static List<CachedImage> choose(List<CachedImage> cached, Set<String> inUse, long maxBytes,
            long incomingBytes) {
        long total = cached.stream().mapToLong(CachedImage::sizeBytes).sum() + incomingBytes;
        List<CachedImage> evict = new ArrayList<>();
        List<CachedImage> oldestFirst = cached.stream()
                .sorted(Comparator.comparing(CachedImage::lastUsed).thenComparing(CachedImage::sha256))
                .toList();
        for (CachedImage image : oldestFirst) {
            if (total <= maxBytes) {
                break;
            }
            if (!inUse.contains(image.sha256())) {
                evict.add(image);
                total -= image.sizeBytes();
            }
        }
        return List.copyOf(evict);
    }

    /** Whether what stays after evicting {@code evicted} plus {@code incomingBytes} fits {@code maxBytes}. */
    public static boolean fits(List<CachedImage> cached, List<CachedImage> evicted, long maxBytes, long incomingBytes) {
        long kept = cached.stream().filter(image -> !evicted.contains(image)).mapToLong(CachedImage::sizeBytes).sum();
        return kept + incomingBytes <= maxBytes;
    }
}
