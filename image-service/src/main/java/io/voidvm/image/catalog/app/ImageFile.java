package io.voidvm.image.catalog.app;

import io.voidvm.image.catalog.domain.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A READY image with the blob file that holds its bytes and that file's size, as found when asked. */
public record ImageFile(Image image, Path path, long sizeBytes) {

    public ImageFile {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(path, "path");
    }

    static ImageFile of(Image image, Path path) {
        try {
            return new ImageFile(image, path, Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }
}
