package io.voidvm.vm.idempotency;

import java.util.Map;
import java.util.Objects;

/**
 * A response as it is sent and, for an idempotent request, stored and replayed: byte for byte the same.
 *
 * @param headers the headers that belong to the result ({@code Location}, {@code ETag}, content type)
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
