package io.voidvm.image.importing.domain;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an import may connect to an address. Internal ranges are refused (each with the name of what it
 * is) unless one of the admin's allowed ranges contains the address.
 */
public final class AddressPolicy {

    private static final Map<Cidr, String> INTERNAL = new LinkedHashMap<>();

    static {
        internal("169.254.169.254/32", "the cloud metadata address");
        internal("0.0.0.0/8", "an unspecified address");
        internal("127.0.0.0/8", "a loopback address");
        internal("10.0.0.0/8", "a private address");
        internal("172.16.0.0/12", "a private address");
        internal("192.168.0.0/16", "a private address");
        internal("100.64.0.0/10", "a shared (carrier-grade NAT) address");
        internal("169.254.0.0/16", "a link-local address");
        internal("192.0.0.0/24", "a reserved address");
        internal("198.18.0.0/15", "a reserved address");
        internal("224.0.0.0/4", "a multicast address");
        internal("240.0.0.0/4", "a reserved address");
        internal("::/128", "an unspecified address");
        internal("::1/128", "a loopback address");
        internal("64:ff9b::/96", "a NAT64 address");
        internal("fc00::/7", "a private address");
        internal("fe80::/10", "a link-local address");
        internal("fec0::/10", "a site-local address");
        internal("ff00::/8", "a multicast address");
    }

    private final List<Cidr> allowed;

    /** @throws IllegalArgumentException naming the bad range */
    public AddressPolicy(List<String> allowedCidrs) {
        this.allowed = allowedCidrs.stream().map(Cidr::parse).toList();
    }

    private static void internal(String cidr, String what) {
        INTERNAL.put(Cidr.parse(cidr), what);
    }

    /** Why the address is refused, or empty when an import may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        for (var range : INTERNAL.entrySet()) {
            if (range.getKey().contains(address)) {
                return Optional.of(address.getHostAddress() + " is " + range.getValue());
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of(address.getHostAddress() + " is an internal address");
        }
        return Optional.empty();
    }
}
