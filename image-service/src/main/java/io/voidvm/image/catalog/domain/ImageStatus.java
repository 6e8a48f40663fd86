package io.voidvm.image.catalog.domain;

/** Where an image is in its life: bytes arriving, being checked, usable, or refused (with a reason). */
public enum ImageStatus {
    UPLOADING,
    VALIDATING,
    READY,
    FAILED
}
