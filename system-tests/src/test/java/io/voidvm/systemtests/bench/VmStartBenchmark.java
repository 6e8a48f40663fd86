package io.voidvm.systemtests.bench;

import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VmStartBenchStack;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import io.voidvm.testsupport.qemu.QemuBinary;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * DESIGN section 11, side by side in one run: the bare QEMU launch floor and API accept to VM running, for one VM
 * and for a burst of VMs started at once, with the targets beside the numbers. Not a test: run it on a quiet
 * machine (docs/benchmarks.md). Everything is on loopback and bounded in count and time.
 *
 * <p>System properties: {@code bench.runs} (20), {@code bench.warmup} (3), {@code bench.burst} (20).
 */
public final class VmStartBenchmark {

    private static final Duration SINGLE_ADDED_TARGET = Duration.ofMillis(250);
    private static final Duration BURST_P95_TARGET = Duration.ofSeconds(2);

    private VmStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int burstSize = Integer.getInteger("bench.burst", 20);
        if (runs < 1 || runs > 200 || warmup < 0 || warmup > 20 || burstSize < 1 || burstSize > 40) {
            throw new IllegalArgumentException("bench.runs 1-200, bench.warmup 0-20, bench.burst 1-40");
        }
        int exitCode = 1;
        Path work = Files.createTempDirectory("voidvm-bench-");
        try (VmStartBenchStack stack = VmStartBenchStack.start()) {
            log("stack up; measuring the bare QEMU floor (" + runs + " runs)");
            Path disk = TestGuests.markerDisk(work, "floor");
            BareQemuFloor bare = new BareQemuFloor(QemuBinary.require(), disk, work);
            Samples floor = bare.sequential(runs);
            log("measuring the bare QEMU floor for a burst of " + burstSize);
            Samples floorBurst = bare.burst(burstSize);
            ApiStartLatency api = new ApiStartLatency(new VmDriver(stack.api(VoidvmRealm.ALICE)));
            log("measuring API accept -> RUNNING for 1 VM (" + warmup + " warm-up + " + runs + " runs)");
            Samples single = api.singleVm(warmup, runs);
            log("measuring a burst of " + burstSize + " VMs");
            Samples burst = api.burst(burstSize);
            String report = report(floor, single, floorBurst, burst);
            System.out.println(report);
            write(report);
            exitCode = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        } finally {
            deleteRecursively(work);
        }
        // the shared servers stop in shutdown hooks; exit explicitly so no lingering client thread holds the JVM
        System.exit(exitCode);
    }

    static String report(Samples floor, Samples single, Samples floorBurst, Samples burst) {
        Duration singleTarget = floor.p50().plus(SINGLE_ADDED_TARGET);
        StringBuilder out = new StringBuilder();
        out.append("VM start benchmark, ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, QEMU TCG, ")
                .append(SharedPlatform.GUEST_MEMORY_MB).append(" MiB marker guests, loopback\n");
        String format = "%-40s %5s %9s %9s %9s   %-30s %s%n";
        out.append(String.format(Locale.ROOT, format, "case", "runs", "p50 ms", "p95 ms", "max ms", "target",
                "verdict"));
        row(out, format, floor, "(the floor)", "");
        row(out, format, single, "p50 <= floor p50 + 250 = " + singleTarget.toMillis() + " ms",
                verdict(single.p50().compareTo(singleTarget) <= 0));
        row(out, format, floorBurst, "(the floor of a burst)", "");
        row(out, format, burst, "p95 <= " + BURST_P95_TARGET.toMillis() + " ms",
                verdict(burst.p95().compareTo(BURST_P95_TARGET) <= 0));
        out.append(String.format(Locale.ROOT, "1 VM p50 adds %d ms to the floor p50 (target <= %d ms)%n",
                single.p50().minus(floor.p50()).toMillis(), SINGLE_ADDED_TARGET.toMillis()));
        return out.toString();
    }

    private static void row(StringBuilder out, String format, Samples samples, String target, String verdict) {
        out.append(String.format(Locale.ROOT, format, samples.name(), samples.count(), samples.p50().toMillis(),
                samples.p95().toMillis(), samples.max().toMillis(), target, verdict));
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    private static void write(String report) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Path file = target.resolve("benchmarks").resolve("vm-start.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
            log("report written to " + file.toAbsolutePath());
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
