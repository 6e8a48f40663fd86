package io.voidvm.servicekit.paging.domain;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list response, serialised as {@code {"items": [...], "nextCursor": "..."}}; {@code nextCursor}
 * is null on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@link PageRequest#fetchSize()} rows fetched in sort order.
     *
     * @param sortKeys the keys of an item the query sorts by, in order (e.g. createdAt, id)
     */
    public static <T> CursorPage<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> sortKeys) {
        if (fetched.size() <= request.limit()) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new CursorPage<>(items, sortKeys.apply(items.getLast()).encode());
    }

    public static <T> CursorPage<T> empty() {
        return new CursorPage<>(List.of(), null);
    }

    public <R> CursorPage<R> map(Function<? super T, ? extends R> mapper) {
        return new CursorPage<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
