package io.voidvm.contracts;

import java.util.regex.Pattern;

/** Snapshot names become QEMU snapshot tags and path segments, so they get a conservative alphabet. */
public final class SnapshotName {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private SnapshotName() {
    }

    public static String require(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "snapshot name must be 1-63 of A-Z, a-z, 0-9, '.', '_', '-' starting alphanumeric, got '"
                            + name + "'");
        }
        return name;
    }
}
