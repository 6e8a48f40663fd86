package io.voidvm.contracts.volume;

/** What a {@link VolumeEvent} reports on. ATTACH and DETACH answer the VM commands that hot-plug a volume. */
public enum VolumeOperation {
    CREATE,
    RESIZE,
    DELETE,
    ATTACH,
    DETACH
}
