package io.voidvm.image.blob.store;

import java.nio.file.Path;

/** A file written from a stream: where, how many bytes, and their SHA-256 (lower-case hex). */
public record StreamedFile(Path path, long sizeBytes, String sha256) {
}
