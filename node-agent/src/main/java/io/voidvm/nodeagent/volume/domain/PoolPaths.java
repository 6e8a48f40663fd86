package io.voidvm.nodeagent.volume.domain;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The host layout of storage pools: {@code <poolsRoot>/<poolPath>/<volumeId>.<format>}. Every path is checked
 * lexically to stay inside the pools root (the contracts already refuse {@code ..} and absolute pool paths;
 * checked again because the agent opens these files as a privileged user).
 */
public record PoolPaths(Path poolsRoot) {

    public PoolPaths {
        Objects.requireNonNull(poolsRoot, "poolsRoot");
        if (!poolsRoot.isAbsolute()) {
            throw new IllegalArgumentException("poolsRoot must be absolute: " + poolsRoot);
        }
        poolsRoot = poolsRoot.normalize();
    }

    /** The pool's directory. */
    public Path pool(String poolPath) {
        Objects.requireNonNull(poolPath, "poolPath");
        if (poolPath.isEmpty() || Path.of(poolPath).isAbsolute()) {
            throw new IllegalArgumentException("pool path must be relative to the pools root: '" + poolPath + "'");
        }
        return inside(poolsRoot.resolve(poolPath));
    }

    /** A volume's file; {@code format} is the lower-case extension ({@code qcow2}, {@code raw}). */
    public Path volume(String poolPath, UUID volumeId, String format) {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(format, "format");
        Path pool = pool(poolPath);
        Path file = inside(pool.resolve(volumeId + "." + format.toLowerCase(Locale.ROOT)));
        if (!file.getParent().equals(pool)) {
            throw new IllegalArgumentException("volume file leaves its pool: " + file);
        }
        return file;
    }

    /** Whether {@code file} is a file of some pool (used to tell volumes from other disks). */
    public boolean contains(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return normalized.startsWith(poolsRoot) && !normalized.equals(poolsRoot);
    }

    private Path inside(Path candidate) {
        Path normalized = candidate.normalize();
        if (!normalized.startsWith(poolsRoot) || normalized.equals(poolsRoot)) {
            throw new IllegalArgumentException("path escapes the pools root " + poolsRoot + ": " + candidate);
        }
        return normalized;
    }
}
