package io.voidvm.nodeagent.volume.domain;

import java.time.Instant;

/** One verified blob in the image cache: its content address, size and when a volume last used it. */
public record CachedImage(String sha256, long sizeBytes, Instant lastUsed) {
}
