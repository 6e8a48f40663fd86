package io.voidvm.image.catalog.web;

import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.image.catalog.domain.NewImage;
import io.voidvm.image.catalog.domain.Visibility;
import io.voidvm.image.importing.domain.SourceUrl;
import io.voidvm.servicekit.input.MultilineText;

/**
 * The body of {@code POST /api/v1/images}.
 *
 * @param description free text; may span lines (tab and line feed allowed)
 * @param version   the image's version label, e.g. "12"
 * @param sha256    the SHA-256 the bytes must have (optional; checked when they are complete)
 * @param sourceUrl import from this http(s) URL instead of waiting for an upload
 */
record CreateImageRequest(
        String name,
        @MultilineText String description,
        OsType osType,
        String version,
        Visibility visibility,
        String sha256,
        String sourceUrl) {

    NewImage toNewImage() {
        return new NewImage(name, description, osType, version, visibility, sha256,
                sourceUrl == null ? null : SourceUrl.parse(sourceUrl));
    }
}
