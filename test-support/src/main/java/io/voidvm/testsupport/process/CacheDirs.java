package io.voidvm.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Per-machine caches that outlive test runs (unpacked binaries, class-data archives), under the XDG cache dir. */
public final class CacheDirs {

    private CacheDirs() {
    }

    /** {@code $XDG_CACHE_HOME/voidvm/<name>} (default {@code ~/.cache/voidvm/<name>}), created if missing. */
    public static Path voidvm(String name) {
        String xdgCache = System.getenv("XDG_CACHE_HOME");
        Path cacheRoot = xdgCache != null && !xdgCache.isBlank()
                ? Path.of(xdgCache)
                : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = cacheRoot.resolve("voidvm").resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cache directory " + dir, e);
        }
    }
}
