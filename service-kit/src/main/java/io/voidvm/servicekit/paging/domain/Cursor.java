package io.voidvm.servicekit.paging.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The last sort key(s) of a page, as an opaque token. Clients must treat it as a blob, so the format can change:
 * it starts with a version byte, then a count and length-prefixed UTF-8 keys, all base64url without padding.
 * Decoding is strict; anything else a client sends back is a 400 naming {@code cursor}.
 */
public record Cursor(List<String> keys) {

    public static final String PARAMETER = "cursor";
    private static final int VERSION = 1;
    private static final int MAX_KEYS = 8;
    /** Far above any real cursor; bounds the work a hostile token can cause. */
    private static final int MAX_ENCODED_LENGTH = 2048;

    public Cursor {
        keys = List.copyOf(keys);
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a cursor holds 1.." + MAX_KEYS + " keys, got " + keys.size());
        }
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    public static Cursor decode(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readUnsignedByte() != VERSION) {
                throw invalid();
            }
            int count = in.readUnsignedByte();
            if (count < 1 || count > MAX_KEYS) {
                throw invalid();
            }
            List<String> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(in.readUTF());
            }
            if (in.available() > 0) {
                throw invalid();
            }
            return new Cursor(keys);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The key at a position, for queries such as {@code WHERE (created_at, id) > (:k0, :k1)}. */
    public String key(int index) {
        return keys.get(index);
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(PARAMETER, "is not a cursor returned by this API");
    }
}
