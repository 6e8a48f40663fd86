package io.voidvm.contracts.vm.spec;

import io.voidvm.contracts.DnsLabel;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One network interface. network-service allocates the MAC; the agent only wires it up.
 *
 * @param macAddress lowercase, colon-separated, unicast
 */
public record NicSpec(String id, UUID networkId, String macAddress, NicModel model) {

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    public NicSpec {
        DnsLabel.require(id, "NIC id");
        Objects.requireNonNull(networkId, "networkId is required");
        Objects.requireNonNull(model, "NIC model is required");
        if (macAddress == null || !MAC.matcher(macAddress).matches()) {
            throw new IllegalArgumentException("macAddress must look like 52:54:00:12:34:56, got '" + macAddress + "'");
        }
        if ((Integer.parseInt(macAddress.substring(0, 2), 16) & 1) != 0) {
            throw new IllegalArgumentException("macAddress must be unicast, got '" + macAddress + "'");
        }
    }
}
