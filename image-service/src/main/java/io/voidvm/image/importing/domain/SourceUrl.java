package io.voidvm.image.importing.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * An import URL that passed every check: http or https, no user info, a host whose every address the policy
 * allows. Refusals are 400s naming {@code sourceUrl}.
 */
public record SourceUrl(URI uri, String host, int port, List<InetAddress> addresses) {

    public static final String FIELD = "sourceUrl";
    private static final int MAX_LENGTH = 2048;

    /** Resolves a host name to all its addresses; blocking. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** Parses and checks the URL; resolves its host (blocking). */
    public static SourceUrl check(String text, AddressPolicy policy, Resolver resolver) {
        URI uri = parse(text);
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw invalid("the host " + host + " cannot be resolved");
        }
        if (addresses.isEmpty()) {
            throw invalid("the host " + host + " has no address");
        }
        for (InetAddress address : addresses) {
            policy.refusal(address).ifPresent(reason -> {
                throw invalid("refused: " + reason + "; imports may only reach public addresses");
            });
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return new SourceUrl(uri, host, port, List.copyOf(addresses));
    }

    /** Scheme and shape only; no resolution. */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("must be an http or https URL, not " + (scheme.isEmpty() ? "a relative one" : scheme + "://"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry credentials");
        }
        return uri;
    }

    private static InvalidRequestException invalid(String reason) {
        return new InvalidRequestException(FIELD, reason);
    }
}
