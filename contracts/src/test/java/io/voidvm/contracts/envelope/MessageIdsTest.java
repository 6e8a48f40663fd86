package io.voidvm.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123Z");

    @Test
    void idsAreVersion7WithTheClockTimeEmbedded() {
        UUID id = new MessageIds(Clock.fixed(T0, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(MessageIds.timestampOf(id)).isEqualTo(T0);
        assertThat(id.toString()).startsWith(String.format("%08x", T0.toEpochMilli() >>> 16));
    }

    @Test
    void idsWithinOneMillisecondStayStrictlyOrderedPastCounterExhaustion() {
        // 10,000 ids in one frozen millisecond overflow the 12-bit counter several times.
        List<UUID> ids = generate(new MessageIds(Clock.fixed(T0, ZoneOffset.UTC)), 10_000);

        assertStrictlyIncreasing(ids);
        assertThat(MessageIds.timestampOf(ids.getFirst())).isEqualTo(T0);
        assertThat(MessageIds.timestampOf(ids.getLast())).isAfter(T0);
    }

    @Test
    void idsStayOrderedWhenTheClockStepsBack() {
        var clock = new SteppingClock(T0);
        var ids = new MessageIds(clock);
        UUID before = ids.next();
        clock.now = T0.minusSeconds(5);

        UUID after = ids.next();

        assertThat(after.toString()).isGreaterThan(before.toString());
        assertThat(MessageIds.timestampOf(after)).isEqualTo(T0);
    }

    @Test
    void idsFollowAnAdvancingClock() {
        var clock = new SteppingClock(T0);
        var ids = new MessageIds(clock);
        List<UUID> generated = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clock.now = T0.plusMillis(i / 3);
            generated.add(ids.next());
        }

        assertStrictlyIncreasing(generated);
        assertThat(MessageIds.timestampOf(generated.getLast())).isEqualTo(T0.plusMillis(33));
    }

    @Test
    void twoGeneratorsInTheSameMillisecondDoNotCollide() {
        Clock frozen = Clock.fixed(T0, ZoneOffset.UTC);
        var all = new HashSet<UUID>(generate(new MessageIds(frozen), 5_000));
        all.addAll(generate(new MessageIds(frozen), 5_000));

        assertThat(all).hasSize(10_000);
    }

    @Test
    void timestampOfRejectsOtherVersions() {
        assertThatThrownBy(() -> MessageIds.timestampOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a UUIDv7");
    }

    private static List<UUID> generate(MessageIds ids, int count) {
        List<UUID> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(ids.next());
        }
        return out;
    }

    /** Byte order (what PostgreSQL and the text form sort by) and UUID.compareTo must both agree. */
    private static void assertStrictlyIncreasing(List<UUID> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).as("id %d", i).isGreaterThan(ids.get(i - 1).toString());
            assertThat(ids.get(i)).as("id %d", i).isGreaterThan(ids.get(i - 1));
        }
    }

    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
