package io.voidvm.image.catalog.domain;

import java.util.Locale;

/** The disk formats the platform accepts. ISO is raw to qemu-img; the ISO 9660 signature tells them apart. */
public enum DiskFormat {
    QCOW2,
    RAW,
    ISO;

    /** The spelling qemu-img and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DiskFormat fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
