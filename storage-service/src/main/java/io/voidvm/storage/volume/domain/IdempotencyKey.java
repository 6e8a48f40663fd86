package io.voidvm.storage.volume.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} header bound to the request it came with: the same key with another request is
 * refused rather than answered with the first request's volume.
 *
 * @param requestHash SHA-256 of the request's canonical form
 */
public record IdempotencyKey(String value, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    /** Printable ASCII, as the IETF draft's examples (UUIDs, random tokens); bounded for the index. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** @return null without a header; @throws InvalidRequestException naming the header for a bad one */
    public static IdempotencyKey of(String header, String canonicalRequest) {
        if (header == null) {
            return null;
        }
        if (!KEY.matcher(header).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1-255 printable ASCII characters");
        }
        try {
            return new IdempotencyKey(header, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public boolean sameRequest(String otherHash) {
        return MessageDigest.isEqual(requestHash.getBytes(StandardCharsets.US_ASCII),
                otherHash.getBytes(StandardCharsets.US_ASCII));
    }
}
