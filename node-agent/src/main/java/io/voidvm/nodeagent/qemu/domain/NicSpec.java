package io.voidvm.nodeagent.qemu.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A virtual NIC on a voidVM network. Declared now so that specs carry NICs from the start; the argv builder
 * refuses them until network-service defines how a NIC meets the host.
 */
public record NicSpec(UUID networkId, String macAddress) {

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    public NicSpec {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(macAddress, "macAddress");
        if (!MAC.matcher(macAddress).matches()) {
            throw new IllegalArgumentException("macAddress must be six lower-case hex pairs joined by ':': "
                    + macAddress);
        }
    }
}
