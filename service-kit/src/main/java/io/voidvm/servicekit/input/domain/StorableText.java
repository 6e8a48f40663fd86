package io.voidvm.servicekit.input.domain;

import java.util.Optional;

/**
 * Which text the platform stores, echoes and logs: no C0 control characters, no DEL, no C1 control characters and
 * no unpaired surrogates. PostgreSQL refuses NUL outright; the others corrupt terminals, logs and UTF-8 (an
 * unpaired surrogate cannot be encoded at all). Multi-line text, where a field says so, may also hold tab, line
 * feed and carriage return.
 */
public final class StorableText {

    private StorableText() {
    }

    /**
     * Why {@code value} cannot be stored, or empty when it can.
     *
     * @param multiline whether tab, line feed and carriage return are allowed
     */
    public static Optional<String> refusal(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("must not contain control characters (U+%04X)".formatted((int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain unpaired surrogates");
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c < 0xA0;
    }
}
