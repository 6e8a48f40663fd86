package io.voidvm.contracts;

import java.util.regex.Pattern;

/**
 * RFC 1123 DNS label rules. Node and VM names end up in Kafka topic names, file paths and host names,
 * so one strict rule keeps all of those safe.
 */
public final class DnsLabel {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DnsLabel() {
    }

    public static boolean isValid(String value) {
        return value != null && LABEL.matcher(value).matches();
    }

    /** Returns {@code value} or throws {@link IllegalArgumentException} naming {@code what}. */
    public static String require(String value, String what) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    what + " must be a DNS label (1-63 of a-z, 0-9, '-', not starting or ending with '-'), got '"
                            + value + "'");
        }
        return value;
    }
}
