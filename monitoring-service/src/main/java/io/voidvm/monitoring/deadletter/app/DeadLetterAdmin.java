package io.voidvm.monitoring.deadletter.app;

import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.deadletter.app.DeadLetterStore.Slice;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopic;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopics;
import io.voidvm.monitoring.deadletter.domain.PartitionDepth;
import io.voidvm.monitoring.deadletter.domain.ReplayOutcome;
import io.voidvm.monitoring.deadletter.domain.ReplayRange;
import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What operators do with dead letters: list the dead-letter topics, page through one, read one record, and
 * replay records to their original topic once the cause is fixed. Admins only; the admin check comes before
 * anything else, so anyone else gets a 403 whatever they ask for. A replay claims each dead letter in the
 * {@link ReplayLedger} before publishing it, so a second click replays nothing twice; {@code force} overrides.
 */
@Service
public class DeadLetterAdmin {

    private final DeadLetterStore store;
    private final ReplayLedger ledger;
    private final DeadLetterProperties properties;
    private final Clock clock = Clock.systemUTC();

    DeadLetterAdmin(DeadLetterStore store, ReplayLedger ledger, DeadLetterProperties properties) {
        this.store = Objects.requireNonNull(store, "store");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    public int maxReplayRecords() {
        return properties.maxReplayRecords();
    }

    /** Dead-letter topics by name. */
    public Mono<CursorPage<DeadLetterTopic>> topics(Caller caller, PageRequest page) {
        return requireAdmin(caller).then(store.topics()).map(topics -> {
            String after = page.after().map(cursor -> cursor.key(0)).orElse("");
            List<DeadLetterTopic> fetched = topics.stream()
                    .sorted(Comparator.comparing(DeadLetterTopic::name))
                    .filter(topic -> topic.name().compareTo(after) > 0)
                    .limit(page.fetchSize()).toList();
            return CursorPage.of(fetched, page, topic -> Cursor.of(topic.name()));
        });
    }

    /** Records of one dead-letter topic by partition, then offset; {@code partition} narrows to one. */
    public Mono<CursorPage<DeadLetter>> records(Caller caller, String topic, String partition, PageRequest page) {
        return requireAdmin(caller)
                .then(Mono.fromSupplier(() -> DeadLetterTopics.require(topic)))
                .flatMap(this::existing)
                .flatMap(found -> {
                    Optional<Integer> only = Optional.ofNullable(partition).filter(value -> !value.isBlank())
                            .map(value -> partitionOf(found, value, () -> noSuchPartition(found)).partition());
                    List<Slice> slices = slices(found, only, page.after().map(DeadLetterAdmin::position));
                    return store.read(found.name(), slices, page.fetchSize()).flatMap(this::withReplays)
                            .map(letters -> CursorPage.of(letters, page, letter -> Cursor.of(
                                    Integer.toString(letter.partition()), Long.toString(letter.offset()))));
                });
    }

    /** One record; 404 when the topic, the partition or the offset holds none. */
    public Mono<DeadLetter> record(Caller caller, String topic, String partition, String offset) {
        return requireAdmin(caller)
                .then(Mono.fromSupplier(() -> DeadLetterTopics.require(topic)))
                .flatMap(this::existing)
                .flatMap(found -> {
                    long at = number(offset, "offset");
                    PartitionDepth depth = partitionOf(found, partition,
                            () -> missing(found.name(), partition, offset));
                    if (!depth.holds(at)) {
                        return Mono.error(missing(found.name(), partition, offset));
                    }
                    return store.read(found.name(), List.of(new Slice(depth.partition(), at, at + 1)), 1)
                            .flatMap(letters -> Mono.justOrEmpty(letters.stream()
                                    .filter(letter -> letter.offset() == at).findFirst()))
                            .switchIfEmpty(Mono.error(() -> missing(found.name(), partition, offset)))
                            .flatMap(letter -> withReplays(List.of(letter))).map(List::getFirst);
                });
    }

    /** Copies the range's records back to the original topic, each dead letter at most once unless forced. */
    public Mono<ReplayOutcome> replay(Caller caller, String topic, Mono<ReplayRange> request) {
        return requireAdmin(caller)
                .then(Mono.fromSupplier(() -> DeadLetterTopics.require(topic)))
                .flatMap(this::existing)
                .zipWith(request)
                .flatMap(both -> {
                    DeadLetterTopic found = both.getT1();
                    ReplayRange range = both.getT2();
                    range.requireWithin(found.partition(range.partition()).orElseThrow(() -> noSuchPartition(found)));
                    Slice slice = new Slice(range.partition(), range.fromOffset(), range.toOffset() + 1);
                    int count = (int) (range.toOffset() - range.fromOffset() + 1);
                    return store.read(found.name(), List.of(slice), count)
                            .flatMap(letters -> replay(caller, found, range, letters));
                });
    }

    private Mono<ReplayOutcome> replay(Caller caller, DeadLetterTopic topic, ReplayRange range,
                                       List<DeadLetter> letters) {
        // PostgreSQL keeps microseconds: the mark must compare equal when a failed publish releases it
        var mark = new DeadLetter.Replay(clock.instant().truncatedTo(ChronoUnit.MICROS), caller.subject());
        List<Long> offsets = letters.stream().map(DeadLetter::offset).toList();
        return ledger.claim(topic.name(), range.partition(), offsets, mark, range.force()).flatMap(claimed -> {
            List<Long> published = new CopyOnWriteArrayList<>();
            return Flux.fromIterable(letters)
                    .filter(letter -> claimed.contains(letter.offset()))
                    .concatMap(letter -> store.republish(letter, topic.originalTopic())
                            .then(Mono.fromRunnable(() -> published.add(letter.offset()))))
                    .then(Mono.fromSupplier(() -> new ReplayOutcome(topic.name(), topic.originalTopic(),
                            range.partition(), published,
                            offsets.stream().filter(offset -> !claimed.contains(offset)).toList())))
                    .onErrorResume(error -> ledger.release(topic.name(), range.partition(),
                            claimed.stream().filter(offset -> !published.contains(offset)).toList(), mark)
                            .then(Mono.error(error)));
        });
    }

    private Mono<DeadLetterTopic> existing(String name) {
        return store.topic(name).switchIfEmpty(Mono.error(() -> DeadLetterTopics.notFound(name)));
    }

    private Mono<List<DeadLetter>> withReplays(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Mono.just(letters);
        }
        List<ReplayLedger.Position> positions = letters.stream()
                .map(letter -> new ReplayLedger.Position(letter.partition(), letter.offset())).toList();
        return ledger.marks(letters.getFirst().topic(), positions).map(marks -> letters.stream()
                .map(letter -> Optional.ofNullable(marks.get(new ReplayLedger.Position(letter.partition(),
                        letter.offset()))).map(letter::replayed).orElse(letter))
                .toList());
    }

    /** The partitions to read, from where the previous page ended. */
    private static List<Slice> slices(DeadLetterTopic topic, Optional<Integer> only,
                                      Optional<ReplayLedger.Position> after) {
        List<Slice> slices = new ArrayList<>();
        for (PartitionDepth depth : topic.partitions()) {
            if (only.isPresent() && only.get() != depth.partition()
                    || after.isPresent() && depth.partition() < after.get().partition()) {
                continue;
            }
            long from = depth.startOffset();
            if (after.isPresent() && depth.partition() == after.get().partition()) {
                from = Math.max(from, after.get().offset() + 1);
            }
            if (from < depth.endOffset()) {
                slices.add(new Slice(depth.partition(), from, depth.endOffset()));
            }
        }
        return slices;
    }

    private static ReplayLedger.Position position(Cursor cursor) {
        try {
            return new ReplayLedger.Position(Integer.parseInt(cursor.key(0)), Long.parseLong(cursor.key(1)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException(Cursor.PARAMETER, "is not a cursor returned by this API");
        }
    }

    private static PartitionDepth partitionOf(DeadLetterTopic topic, String partition,
                                              Supplier<? extends RuntimeException> absent) {
        return topic.partition((int) number(partition, "partition")).orElseThrow(absent);
    }

    private static long number(String value, String field) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0 && (!"partition".equals(field) || number <= Integer.MAX_VALUE)) {
                return number;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw new InvalidRequestException(field, "must be a whole number, 0 or more");
    }

    private static InvalidRequestException noSuchPartition(DeadLetterTopic topic) {
        return new InvalidRequestException("partition", "topic " + topic.name() + " has partitions 0 to "
                + (topic.partitions().size() - 1));
    }

    private static NotFoundException missing(String topic, String partition, String offset) {
        return new NotFoundException("dead letter", topic + "/" + partition + "/" + offset);
    }

    private static Mono<Void> requireAdmin(Caller caller) {
        return Mono.fromRunnable(() -> caller.requireAdmin("the dead letters API"));
    }
}
