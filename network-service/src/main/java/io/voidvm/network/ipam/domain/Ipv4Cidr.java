package io.voidvm.network.ipam.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network block such as {@code 10.10.0.0/24}, always given by its network address (host bits zero) so
 * that two spellings of one block cannot both exist.
 *
 * @param address      the network address as an unsigned 32-bit value in an int
 * @param prefixLength 8 to 30: a VM network needs room for a gateway and at least one guest
 */
public record Ipv4Cidr(int address, int prefixLength) {

    public static final int MIN_PREFIX = 8;
    public static final int MAX_PREFIX = 30;
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefixLength < MIN_PREFIX || prefixLength > MAX_PREFIX) {
            throw new IllegalArgumentException("prefix length must be " + MIN_PREFIX + " to " + MAX_PREFIX
                    + ", got /" + prefixLength);
        }
        if ((address & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(dotted(address) + "/" + prefixLength
                    + " has host bits set; the network address is " + dotted(address & mask(prefixLength)));
        }
    }

    /** Parses {@code a.b.c.d/n}; the message of the exception says what is wrong. */
    public static Ipv4Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a CIDR block is required, e.g. 10.10.0.0/24");
        }
        Matcher matcher = CIDR.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR block such as 10.10.0.0/24");
        }
        int address = 0;
        for (int group = 1; group <= 4; group++) {
            int octet = Integer.parseInt(matcher.group(group));
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' has an octet above 255");
            }
            address = (address << 8) | octet;
        }
        return new Ipv4Cidr(address, Integer.parseInt(matcher.group(5)));
    }

    /** Number of addresses in the block, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    public boolean contains(int ipv4) {
        return (ipv4 & mask(prefixLength)) == address;
    }

    @Override
    public String toString() {
        return dotted(address) + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return (int) (0xFFFF_FFFFL << (32 - prefixLength));
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }
}
