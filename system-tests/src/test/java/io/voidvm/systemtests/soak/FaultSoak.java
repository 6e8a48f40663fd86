package io.voidvm.systemtests.soak;

import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fault soak of issue 10. On the system tests' {@link SharedPlatform} (gateway, every service, two node agents,
 * the real PostgreSQL, Kafka and Keycloak): tenants act at random for {@code soak.duration} while {@link Chaos}
 * kills and restores a node agent, the broker or a service, one at a time. Then the faults stop, everything is
 * restored, and the platform gets {@code soak.settleTimeout} to end every operation and tell the truth about every
 * VM ({@link Verdict}). Prints the counts (also to {@code target/soak/fault-soak.txt}); exits 1 unless healed.
 *
 * <p>Run: {@code ./voidvm test -q -pl system-tests -am -Psoak -DskipTests -Dsoak.args="-Dsoak.duration=PT30M"}
 * (docs/fault-soak.md). Every random choice comes from {@code soak.seed}, printed at the start.
 */
public final class FaultSoak {

    private FaultSoak() {
    }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            exitCode = run(SoakSettings.fromSystemProperties()) ? 0 : 1;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        }
        // the shared platform stops in its shutdown hook
        System.exit(exitCode);
    }

    /** Sleeps {@code millis} in one-second slices, ending early once {@code going} is false. */
    private static void sleepWhile(AtomicBoolean going, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (going.get() && System.nanoTime() < end) {
            Thread.sleep(Math.min(1_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
        }
    }

    private static boolean run(SoakSettings settings) throws Exception {
        Chaos.log("seed " + settings.seed() + ", " + settings);
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        Instant began = Instant.now();
        SharedPlatform platform = SharedPlatform.get();
        Chaos.log("platform up in " + Duration.between(began, Instant.now()).toSeconds() + " s");

        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < settings.tenants(); i++) {
            tenants.add(platform.newTenant("soak"));
        }
        Map<UUID, Tenant> everCreated = new ConcurrentHashMap<>();
        Tally answers = new Tally();
        Tally faults = new Tally();
        AtomicBoolean going = new AtomicBoolean(true);
        Instant until = Instant.now().plus(settings.duration());
        ExecutorService threads = Executors.newFixedThreadPool(settings.tenants() + 1);
        List<Future<?>> work = new ArrayList<>();
        for (Tenant tenant : tenants) {
            SplittableRandom random = seeds.split();
            TenantChurn churn = new TenantChurn(tenant, settings.maxVms(), random, answers, everCreated);
            work.add(threads.submit(() -> {
                while (going.get()) {
                    churn.step();
                    TenantChurn.pause(random, settings.actionPause());
                }
                return null;
            }));
        }
        SplittableRandom chaosRandom = seeds.split();
        Chaos chaos = new Chaos(platform, chaosRandom, faults, settings.longestFault());
        work.add(threads.submit(() -> {
            while (going.get()) {
                long mean = settings.faultEvery().toMillis();
                sleepWhile(going, mean / 2 + chaosRandom.nextLong(mean + 1));
                if (going.get()) {
                    chaos.strike();
                }
            }
            return null;
        }));

        while (Instant.now().isBefore(until) && work.stream().noneMatch(Future::isDone)) {
            Thread.sleep(1_000);
        }
        going.set(false);
        for (Future<?> future : work) {
            future.get(10, TimeUnit.MINUTES);
        }
        threads.shutdown();
        List<String> restored = platform.restore();
        Chaos.log("actions and faults over after " + Duration.between(began, Instant.now()).toMinutes()
                + " min; restored " + restored);

        Instant settleFrom = Instant.now();
        Verdict verdict = Verdict.take(platform, tenants, everCreated);
        while (!verdict.healed() && Instant.now().isBefore(settleFrom.plus(settings.settleTimeout()))) {
            Thread.sleep(5_000);
            verdict = Verdict.take(platform, tenants, everCreated);
        }
        Duration settled = Duration.between(settleFrom, Instant.now());
        String report = String.join("\n",
                "Fault soak: " + settings.duration() + " of random actions and faults, seed " + settings.seed(),
                "  API answers: " + answers.total(), answers.lines(),
                "  faults: " + faults.total(), faults.lines(),
                verdict.report(),
                (verdict.healed() ? "HEALED" : "NOT HEALED") + " " + settled.toSeconds() + " s after the last fault");
        System.out.println(report);
        Path file = Path.of("target", "soak", "fault-soak.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + "\n", StandardCharsets.UTF_8);
        return verdict.healed();
    }
}
