package io.voidvm.vm.vmlog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogPositionTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void newestFirstByTimeThenByIdComparedAsPostgresComparesUuids() {
        // Java's UUID.compareTo is signed: it puts 8000... before 0000...; PostgreSQL (and this order) does not
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID high = UUID.fromString("80000000-0000-7000-8000-000000000000");
        UUID highLsb = UUID.fromString("00000000-0000-7000-f000-000000000000");
        List<LogPosition> positions = new ArrayList<>(List.of(new LogPosition(T, low), new LogPosition(T, high),
                new LogPosition(T.plusSeconds(1), low), new LogPosition(T, highLsb)));

        positions.sort(LogPosition.NEWEST_FIRST);

        assertThat(positions).containsExactly(new LogPosition(T.plusSeconds(1), low), new LogPosition(T, high),
                new LogPosition(T, highLsb), new LogPosition(T, low));
    }

    @Test
    void aCursorRoundTripsAndAnyOtherIsABadParameter() {
        LogPosition position = new LogPosition(T, UUID.randomUUID());
        assertThat(LogPosition.decode(Cursor.decode(position.cursor().encode()))).isEqualTo(position);
        assertThatThrownBy(() -> LogPosition.decode(Cursor.of("yesterday", position.id().toString())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> LogPosition.decode(Cursor.of(T.toString())))
                .isInstanceOf(InvalidRequestException.class);
    }
}
