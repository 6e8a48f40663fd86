package io.voidvm.image.catalog.domain;

import java.text.Normalizer;

/**
 * The file name a download suggests ({@code Content-Disposition}): the image's name reduced to letters, digits,
 * {@code .}, {@code -} and {@code _} (anything else becomes {@code _}; no leading dot, at most 100 characters),
 * plus the format's extension. Only ASCII that needs no quoting reaches the header, whatever the name holds.
 */
public final class DownloadName {

    private static final int MAX = 100;

    private DownloadName() {
    }

    public static String of(String imageName, DiskFormat format) {
        String ascii = Normalizer.normalize(imageName == null ? "" : imageName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "").replaceAll("_+$", "");
        if (safe.length() > MAX) {
            safe = safe.substring(0, MAX);
        }
        if (safe.isEmpty()) {
            safe = "image";
        }
        String extension = "." + (format == null || format == DiskFormat.RAW ? "img" : format.wireName());
        return safe.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? safe : safe + extension;
    }
}
