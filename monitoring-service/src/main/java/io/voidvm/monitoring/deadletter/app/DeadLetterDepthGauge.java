package io.voidvm.monitoring.deadletter.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopic;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gauge {@value #GAUGE}: records on each dead-letter topic now (end minus start offsets, replayed ones
 * included until retention removes them), tagged {@code topic} with the original topic as the consumers' counter
 * {@code voidvm.kafka.dead.letters} is. Refreshed by the sweep {@code dead-letter-depth} every
 * {@code voidvm.monitoring.dead-letters.depth-interval} (±20 %); a topic that disappears loses its series.
 */
@Component
public class DeadLetterDepthGauge {

    public static final String GAUGE = "voidvm.kafka.dead.letters.depth";

    private final DeadLetterStore store;
    private final MultiGauge depths;

    DeadLetterDepthGauge(DeadLetterStore store, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.depths = MultiGauge.builder(GAUGE)
                .description("Records on the dead-letter topic of each topic (end minus start offsets)")
                .register(registry);
    }

    /** Reads every dead-letter topic's depth once and publishes it; completes with the topics read. */
    public Mono<List<DeadLetterTopic>> refresh() {
        return store.topics().doOnNext(topics -> depths.register(topics.stream()
                .map(topic -> MultiGauge.Row.of(Tags.of("topic", topic.originalTopic()), topic.depth()))
                .toList(), true));
    }
}
