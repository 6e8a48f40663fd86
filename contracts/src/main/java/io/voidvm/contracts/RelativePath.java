package io.voidvm.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A relative path of plain segments: no absolute path, no empty segment, no {@code ..}. Paths in messages are
 * spliced into host paths by node agents, which run as root, so a message must never name a file outside the
 * directory it is meant for.
 */
public final class RelativePath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private RelativePath() {
    }

    /** Returns {@code path} or throws {@link IllegalArgumentException} naming {@code what}. */
    public static String require(String path, String what) {
        Objects.requireNonNull(path, what + " is required");
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(what + " must be relative without '..', got '" + path + "'");
            }
        }
        return path;
    }
}
