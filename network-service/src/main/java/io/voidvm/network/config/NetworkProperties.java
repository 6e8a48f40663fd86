package io.voidvm.network.config;

import io.voidvm.network.ipam.domain.Ipv4Cidr;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of network-service.
 *
 * @param defaultCidr          block given to a network created without one (e.g. {@code 10.10.0.0/24})
 * @param macPrefix            first three octets of every guest MAC; QEMU's own {@code 52:54:00} by default
 * @param maxNetworksPerTenant upper bound on networks per tenant
 */
@Validated
@ConfigurationProperties("voidvm.network")
public record NetworkProperties(
        @NotNull @Ipv4CidrBlock String defaultCidr,
        @NotNull
        @Pattern(regexp = "[0-9a-f][26ae]:[0-9a-f]{2}:[0-9a-f]{2}",
                message = "must be three lower-case hex octets of a unicast, locally administered prefix, "
                        + "e.g. 52:54:00")
        String macPrefix,
        @Min(1) @Max(10_000) int maxNetworksPerTenant) {

    /** The default block, parsed; valid once binding succeeded. */
    public Ipv4Cidr defaultNetwork() {
        return Ipv4Cidr.parse(defaultCidr);
    }
}
