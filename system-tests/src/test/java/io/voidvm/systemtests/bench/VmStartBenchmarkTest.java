package io.voidvm.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmStartBenchmarkTest {

    private static Samples constant(String name, long millis) {
        return new Samples(name, Collections.nCopies(20, Duration.ofMillis(millis)));
    }

    @Test
    void theReportPutsEachTargetBesideItsNumbers() {
        String report = VmStartBenchmark.report(constant("floor", 300), constant("one", 540),
                constant("floor burst", 1200), constant("burst", 1900));
        List<String> lines = report.lines().toList();
        assertThat(lines.get(2)).startsWith("floor").contains("300");
        assertThat(lines.get(3)).startsWith("one").contains("540", "floor p50 + 250 = 550 ms", "MET");
        assertThat(lines.get(4)).startsWith("floor burst").contains("1200");
        assertThat(lines.get(5)).startsWith("burst").contains("1900", "p95 <= 2000 ms", "MET");
        assertThat(lines.get(6)).contains("adds 240 ms");
    }

    @Test
    void aMissedTargetSaysSo() {
        String report = VmStartBenchmark.report(constant("floor", 300), constant("one", 551),
                constant("floor burst", 1200), constant("burst", 2001));
        assertThat(report.lines().filter(line -> line.endsWith("MISSED"))).hasSize(2);
    }
}
