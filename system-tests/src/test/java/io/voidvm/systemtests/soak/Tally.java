package io.voidvm.systemtests.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts by name, from many threads; printed sorted. */
final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    long get(String what) {
        LongAdder count = counts.get(what);
        return count == null ? 0 : count.sum();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum(),
                Long::sum, TreeMap::new));
    }

    /** {@code name count} lines, indented. */
    String lines() {
        return snapshot().entrySet().stream().map(entry -> String.format("    %-40s %6d", entry.getKey(),
                entry.getValue())).collect(Collectors.joining("\n"));
    }
}
