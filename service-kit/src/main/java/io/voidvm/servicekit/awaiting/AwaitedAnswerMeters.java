package io.voidvm.servicekit.awaiting;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one meter of every service that waits on nodes' answers: {@code voidvm.<subject>.awaited}, a counter
 * tagged {@code result} (what a sweep did: {@code resent}, {@code gave_up}, {@code timed_out}, ...) and
 * {@code operation} (what was awaited: {@code create}, {@code start}, ...). Only decisions count, never "not yet",
 * so a rising {@code gave_up} or {@code timed_out} is the alert: a node that takes requests and does not answer.
 */
public final class AwaitedAnswerMeters {

    private static final Pattern SUBJECT = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");

    private final MeterRegistry registry;
    private final String name;

    /** @param subject dotted, lower case: {@code storage.volume.commands}, {@code vm.operations} */
    public AwaitedAnswerMeters(MeterRegistry registry, String subject) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (!SUBJECT.matcher(Objects.requireNonNull(subject, "subject")).matches()) {
            throw new IllegalArgumentException("subject must be dotted lower-case words, was " + subject);
        }
        this.name = "voidvm." + subject + ".awaited";
    }

    /** The meter's name, {@code voidvm.<subject>.awaited}. */
    public String name() {
        return name;
    }

    /** Counts one decision; both values are lower-cased ({@code GAVE_UP} becomes {@code gave_up}). */
    public void count(String result, String operation) {
        registry.counter(name, "result", tag(result), "operation", tag(operation)).increment();
    }

    private static String tag(String value) {
        return Objects.requireNonNull(value, "tag value").toLowerCase(Locale.ROOT);
    }
}
