package io.voidvm.image.catalog.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What part of a file of {@code size} bytes a download answers with, given the request's {@code Range} and
 * {@code If-Range} headers (RFC 9110 §14): the whole file, one byte range, or nothing (416). One range is
 * served; a request for several ranges gets the whole file (a server may ignore {@code Range}), as does a
 * {@code Range} in another unit or an {@code If-Range} that does not name the file's current entity tag.
 */
public sealed interface ByteRange {

    /** The whole file (200). */
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both included (206). */
    record Part(long first, long last) implements ByteRange {
        public long length() {
            return last - first + 1;
        }
    }

    /** The range names no byte of the file, or cannot be read (416). */
    record Unsatisfiable(String reason) implements ByteRange {
    }

    Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");

    /**
     * @param range   the {@code Range} header, null when absent
     * @param ifRange the {@code If-Range} header, null when absent
     * @param etag    the file's entity tag, quoted
     */
    static ByteRange of(String range, String ifRange, String etag, long size) {
        if (range == null || range.isBlank() || ifRange != null && !ifRange.strip().equals(etag)) {
            return new Whole();
        }
        String value = range.strip();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String set = value.substring(equals + 1).strip();
        if (set.contains(",")) {
            return new Whole();
        }
        Matcher spec = SPEC.matcher(set);
        if (!spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
            return new Unsatisfiable("the Range header '" + printable(range) + "' is not bytes=first-last, "
                    + "bytes=first- or bytes=-suffix");
        }
        if (spec.group(1).isEmpty()) {
            long suffix = number(spec.group(2));
            return suffix == 0 || size == 0 ? unsatisfiable(size) : new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = number(spec.group(1));
        long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : number(spec.group(2));
        if (last < first) {
            return new Unsatisfiable("the Range header's last byte comes before its first");
        }
        return first >= size ? unsatisfiable(size) : new Part(first, Math.min(last, size - 1));
    }

    private static Unsatisfiable unsatisfiable(long size) {
        return new Unsatisfiable("the range names no byte of the file (it holds " + size + " bytes)");
    }

    /** Digits as a number; more than a long holds counts as the largest long (beyond every file). */
    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }

    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
