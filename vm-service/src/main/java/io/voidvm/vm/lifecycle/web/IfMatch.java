package io.voidvm.vm.lifecycle.web;

import io.voidvm.vm.lifecycle.app.VersionPrecondition;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code If-Match} header (RFC 9110 13.1.1). Strong comparison only: a weak tag never matches, and a
 * tag that is not one of ours simply matches nothing, which answers 412 like any stale tag.
 */
final class IfMatch {

    static final String HEADER = "If-Match";
    private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {
    }

    static VersionPrecondition parse(String header) {
        if (header == null || header.isBlank()) {
            return VersionPrecondition.NONE;
        }
        if (header.strip().equals("*")) {
            return new VersionPrecondition(true, Set.of());
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            Matcher matcher = STRONG_VERSION.matcher(tag.strip());
            if (matcher.matches()) {
                versions.add(Long.parseLong(matcher.group(1)));
            }
        }
        return new VersionPrecondition(false, versions);
    }
}
