package io.voidvm.servicekit.paging.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Optional;

/**
 * What page a list call asks for: at most {@code limit} items after {@code after} (empty for the first page).
 * Built from the raw query parameters by {@link #parse(String, String)} so every service validates them alike.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final String LIMIT_PARAMETER = "limit";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(LIMIT_PARAMETER, "must be between 1 and " + MAX_LIMIT);
        }
        after = after == null ? Optional.empty() : after;
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest firstPage() {
        return first(DEFAULT_LIMIT);
    }

    /**
     * @param limit  the {@code limit} query parameter, null or blank for the default
     * @param cursor the {@code cursor} query parameter, null or blank for the first page
     * @throws InvalidRequestException naming {@code limit} or {@code cursor}
     */
    public static PageRequest parse(String limit, String cursor) {
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(LIMIT_PARAMETER, "must be an integer between 1 and " + MAX_LIMIT);
            }
        }
        Optional<Cursor> after = cursor == null || cursor.isBlank()
                ? Optional.empty()
                : Optional.of(Cursor.decode(cursor.strip()));
        return new PageRequest(parsedLimit, after);
    }

    /** Rows to fetch: one more than the limit tells whether another page exists without a count query. */
    public int fetchSize() {
        return limit + 1;
    }
}
