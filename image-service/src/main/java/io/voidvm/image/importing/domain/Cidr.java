package io.voidvm.image.importing.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** An address range such as {@code 10.0.0.0/8} or {@code fe80::/10}. */
public record Cidr(byte[] network, int prefixLength, String text) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in " + text);
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not {@code <ip literal>/<prefix>} */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an IP range: " + text);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            return new Cidr(bytes, prefix, trimmed);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP range: " + text, e);
        }
    }

    /** Only IP literals: a host name here would make {@code getByName} query DNS. */
    static boolean isLiteral(String address) {
        return address.matches("[0-9.]+") && address.chars().filter(c -> c == '.').count() == 3
                || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
