package io.voidvm.vm.lifecycle.db;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The keyset position inside a VM list: the sort it belongs to, the sort column's value and the id. The sort
 * travels in the cursor so that a cursor replayed with another {@code sort} is refused, not misread.
 */
record VmCursor(VmSort sort, String key, UUID id) {

    static Cursor after(Vm vm, VmSort sort) {
        String key = switch (sort) {
            case CREATED_AT, CREATED_AT_DESC -> vm.createdAt().toString();
            case NAME, NAME_DESC -> vm.name();
        };
        return Cursor.of(sort.parameter(), key, vm.id().toString());
    }

    static VmCursor decode(Cursor cursor, VmSort sort) {
        if (cursor.keys().size() != 3) {
            throw invalid("is not a cursor returned by this API");
        }
        if (!sort.parameter().equals(cursor.key(0))) {
            throw invalid("belongs to another sort order; repeat the request without a cursor");
        }
        try {
            UUID id = UUID.fromString(cursor.key(2));
            String key = cursor.key(1);
            boolean valid = switch (sort) {
                case CREATED_AT, CREATED_AT_DESC -> Instant.parse(key) != null;
                // a name key goes into SQL as a parameter; a DNS label also keeps NULs away from PostgreSQL
                case NAME, NAME_DESC -> DnsLabel.isValid(key);
            };
            if (!valid) {
                throw invalid("is not a cursor returned by this API");
            }
            return new VmCursor(sort, key, id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid("is not a cursor returned by this API");
        }
    }

    private static InvalidRequestException invalid(String why) {
        return new InvalidRequestException(Cursor.PARAMETER, why);
    }
}
