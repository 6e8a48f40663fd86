package io.voidvm.image.validation.domain;

import io.voidvm.image.catalog.domain.DiskFormat;

/** Whether a file may become an image: its format and virtual size, or the reason it is refused. */
public sealed interface Verdict {

    record Accepted(DiskFormat format, long virtualSizeBytes) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }
}
