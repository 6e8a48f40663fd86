package io.voidvm.image.catalog.domain;

import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a client asks for when it registers an image; the compact constructor enforces every rule and names the
 * field it refuses. {@code sourceUrl} is checked for scheme and address by the importer, not here.
 */
public record NewImage(
        String name,
        String description,
        OsType osType,
        String osVersion,
        Visibility visibility,
        String expectedSha256,
        URI sourceUrl) {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;
    public static final int MAX_VERSION = 64;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public NewImage {
        name = requireText("name", name, 1, MAX_NAME);
        description = description == null ? "" : requireText("description", description, 0, MAX_DESCRIPTION);
        osType = osType == null ? OsType.OTHER : osType;
        osVersion = osVersion == null ? "" : requireText("version", osVersion, 0, MAX_VERSION);
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
        expectedSha256 = expectedSha256 == null ? null : sha256("sha256", expectedSha256);
    }

    /** Lower-case hex SHA-256, or a 400 naming {@code field}. */
    public static String sha256(String field, String value) {
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(normalised).matches()) {
            throw new InvalidRequestException(field, "must be 64 hexadecimal digits (a SHA-256)");
        }
        return normalised;
    }

    private static String requireText(String field, String value, int min, int max) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        String stripped = value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            throw new InvalidRequestException(field, "must be " + min + " to " + max + " characters");
        }
        // PostgreSQL text cannot hold NUL; other control characters have no place in a label either
        if (stripped.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f)) {
            throw new InvalidRequestException(field, "must not contain control characters");
        }
        return stripped;
    }
}
