package io.voidvm.httpedge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.OptionalInt;

/**
 * Whether Spring WebFlux will accept a request target. Spring's {@code ReactorUriHelper} builds
 * {@code scheme://host:port} + the target's path and query and parses it with {@link URI#URI(String)}; when
 * that throws, {@code ReactorHttpHandlerAdapter} answers a bare 400 before any filter runs. This check builds
 * the same string (the host part Spring percent-encodes itself, so a fixed one stands in for it).
 */
public final class RequestTargets {

    private static final String BASE = "http://localhost";

    private RequestTargets() {
    }

    /** Empty when Spring can parse {@code target}; else the offset into its path and query that is wrong. */
    public static OptionalInt invalidAt(String target) {
        String relative = pathAndQuery(target);
        try {
            new URI(BASE + relative);
            return OptionalInt.empty();
        } catch (URISyntaxException invalid) {
            return OptionalInt.of(Math.max(0, invalid.getIndex() - BASE.length()));
        }
    }

    /** As Spring's {@code ReactorUriHelper.appendRequestUri}: an absolute-form target loses scheme and host. */
    static String pathAndQuery(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return target;
            }
            if (c == ':' && i + 2 < target.length() && target.charAt(i + 1) == '/' && target.charAt(i + 2) == '/') {
                for (int j = i + 3; j < target.length(); j++) {
                    char after = target.charAt(j);
                    if (after == '/' || after == '?' || after == '#') {
                        return target.substring(j);
                    }
                }
                return "";
            }
        }
        return target;
    }
}
