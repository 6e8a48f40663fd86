package io.voidvm.auth.profile.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What an avatar URL may be: an absolute {@code https} URL with a host and no credentials, at most
 * {@value #MAX_LENGTH} characters. Browsers load it for every viewer, so plain http (mixed content, tracking
 * over the clear) and {@code javascript:}/{@code data:} URLs are refused.
 */
public final class AvatarUrls {

    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "avatarUrl";

    private AvatarUrls() {
    }

    /** @return the URL, or null for a blank one (no avatar); @throws InvalidRequestException naming avatarUrl */
    public static String require(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidRequestException(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(FIELD, "is not a valid URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw new InvalidRequestException(FIELD, "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidRequestException(FIELD, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(FIELD, "must not carry credentials");
        }
        return uri.toString();
    }
}
