package io.voidvm.nodeagent.qmp;

import java.util.Optional;

/**
 * One entry of {@code query-block}. With {@code -blockdev} + {@code -device} the legacy {@code device} name is
 * empty and {@code qdev} names the guest device; {@code medium} is empty when nothing is inserted.
 */
public record BlockDevice(String device, String qdev, Optional<Medium> medium) {

    /** The top block node behind the device: node name, image file, format driver, read-only flag. */
    public record Medium(String nodeName, String file, String driver, boolean readOnly, long virtualSizeBytes) {
    }
}
