package io.voidvm.vm.vmlog.domain;

import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in a VM's log: its time and id. The log is ordered newest first by (time, id), with ids compared as
 * PostgreSQL compares {@code uuid}s (unsigned, byte by byte), so that operations and events from two tables
 * merge in the order each table's keyset query returns them.
 */
public record LogPosition(Instant at, UUID id) implements Comparable<LogPosition> {

    /** Newest first. */
    public static final Comparator<LogPosition> NEWEST_FIRST = Comparator.<LogPosition>naturalOrder().reversed();

    public LogPosition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /** Reads the cursor of a log page; one of another shape is a 400 naming the parameter. */
    public static LogPosition decode(Cursor cursor) {
        try {
            if (cursor.keys().size() == 2) {
                return new LogPosition(Instant.parse(cursor.key(0)), UUID.fromString(cursor.key(1)));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // falls through to the same answer as a cursor of the wrong shape
        }
        throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
    }

    public Cursor cursor() {
        return Cursor.of(at.toString(), id.toString());
    }

    @Override
    public int compareTo(LogPosition other) {
        int byTime = at.compareTo(other.at);
        if (byTime != 0) {
            return byTime;
        }
        int high = Long.compareUnsigned(id.getMostSignificantBits(), other.id.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(id.getLeastSignificantBits(), other.id.getLeastSignificantBits());
    }
}
