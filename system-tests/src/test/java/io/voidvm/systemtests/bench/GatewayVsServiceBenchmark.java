package io.voidvm.systemtests.bench;

import io.voidvm.systemtests.harness.AccessTokens;
import io.voidvm.systemtests.harness.GatewayBenchStack;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.keycloak.VoidvmRealm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN section 11, row 3, as issue 4 asks: an authenticated {@code GET /api/v1/vms} (alice's list of a few VMs)
 * straight to vm-service and through the gateway, at the same concurrency, in one run, against the real services
 * from their fat jars. Phases alternate (direct, gateway, direct, gateway) so a change in machine load hits both.
 * Everything is on loopback; every phase is bounded by a request count and a deadline.
 *
 * <p>System properties: {@code bench.concurrency} (32), {@code bench.requests} (10000 per phase),
 * {@code bench.warmup} (5000 per target), {@code bench.vms} (10 VMs in the list).
 */
public final class GatewayVsServiceBenchmark {

    private static final String PATH = "/api/v1/vms?limit=20";
    private static final Duration PHASE_DEADLINE = Duration.ofMinutes(3);
    private static final double THROUGHPUT_TARGET = 0.50;
    private static final double P99_ADDED_TARGET_MS = 5.0;

    private GatewayVsServiceBenchmark() {
    }

    public static void main(String[] args) {
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int requests = Integer.getInteger("bench.requests", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 5_000);
        int vms = Integer.getInteger("bench.vms", 10);
        if (concurrency < 1 || concurrency > 256 || requests < 100 || requests > 200_000 || warmup < 0
                || warmup > 200_000 || vms < 0 || vms > 100) {
            throw new IllegalArgumentException("bench.concurrency 1-256, bench.requests 100-200000, "
                    + "bench.warmup 0-200000, bench.vms 0-100");
        }
        int exitCode = 1;
        try (GatewayBenchStack stack = GatewayBenchStack.start()) {
            AccessTokens tokens = stack.tokens(VoidvmRealm.ALICE);
            VoidvmApi api = new VoidvmApi(stack.gatewayUrl(), tokens);
            for (int i = 0; i < vms; i++) {
                api.createVm("bench-" + i + "-" + Long.toHexString(System.nanoTime()), 64).expect(201);
            }
            LoadRun load = new LoadRun(concurrency, tokens);
            String direct = stack.vmServiceUrl() + PATH;
            String viaGateway = stack.gatewayUrl() + PATH;
            log("warm-up: " + warmup + " requests each");
            load.run(direct, warmup, PHASE_DEADLINE);
            load.run(viaGateway, warmup, PHASE_DEADLINE);
            List<LoadRun.Result> directRuns = new ArrayList<>();
            List<LoadRun.Result> gatewayRuns = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                log("round " + round + ": " + requests + " requests each, concurrency " + concurrency);
                directRuns.add(load.run(direct, requests, PHASE_DEADLINE));
                gatewayRuns.add(load.run(viaGateway, requests, PHASE_DEADLINE));
            }
            String report = report(concurrency, vms, LoadRun.Result.merge(directRuns),
                    LoadRun.Result.merge(gatewayRuns));
            System.out.println(report);
            write(report);
            exitCode = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        }
        System.exit(exitCode);
    }

    static String report(int concurrency, int vms, LoadRun.Result direct, LoadRun.Result gateway) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "gateway vs vm-service, %s, %d CPUs, GET %s (%d VMs listed), "
                        + "concurrency %d, %d requests per target%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), PATH, vms, concurrency, direct.requests()));
        String format = "%-24s %9s %8s %9s %9s%n";
        out.append(String.format(Locale.ROOT, format, "target", "req/s", "errors", "p50 ms", "p99 ms"));
        for (var row : List.of(new Object[] {"vm-service (direct)", direct}, new Object[] {"through the gateway", gateway})) {
            LoadRun.Result r = (LoadRun.Result) row[1];
            out.append(String.format(Locale.ROOT, "%-24s %9.0f %8d %9.2f %9.2f%n", row[0], r.perSecond(),
                    r.failures(), r.p50Millis(), r.p99Millis()));
        }
        double share = gateway.perSecond() / direct.perSecond();
        double added = gateway.p99Millis() - direct.p99Millis();
        out.append(String.format(Locale.ROOT, "throughput through the gateway = %.0f %% of direct (target >= %.0f %%): %s%n",
                100 * share, 100 * THROUGHPUT_TARGET, share >= THROUGHPUT_TARGET ? "MET" : "MISSED"));
        out.append(String.format(Locale.ROOT, "p99 added by the gateway = %.2f ms (target <= %.0f ms): %s%n", added,
                P99_ADDED_TARGET_MS, added <= P99_ADDED_TARGET_MS ? "MET" : "MISSED"));
        return out.toString();
    }

    private static void write(String report) throws IOException {
        Path file = Path.of("target", "benchmarks", "gateway-vs-service.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        log("written to " + file.toAbsolutePath());
    }

    private static void log(String message) {
        System.out.println("[gateway-bench] " + message);
    }

    /** A bounded closed-loop load: {@code concurrency} workers, each sending one request after the other. */
    static final class LoadRun {

        private final int concurrency;
        private final AccessTokens tokens;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        LoadRun(int concurrency, AccessTokens tokens) {
            this.concurrency = concurrency;
            this.tokens = tokens;
        }

        Result run(String url, int requests, Duration deadline) throws InterruptedException {
            long[] latencies = new long[requests];
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
            long stopAt = System.nanoTime() + deadline.toNanos();
            URI uri = URI.create(url);
            long started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < stopAt) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer " + tokens.get())
                                    .timeout(Duration.ofSeconds(10)).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - started;
            int done = Math.min(requests, next.get());
            List<Duration> measured = java.util.Arrays.stream(latencies, 0, done).mapToObj(Duration::ofNanos).toList();
            return new Result(done, failures.get(), elapsed, new Samples(url, measured));
        }

        record Result(int requests, int failures, long elapsedNanos, Samples latencies) {

            double perSecond() {
                return requests / (elapsedNanos / 1e9);
            }

            double p50Millis() {
                return latencies.percentile(50).toNanos() / 1e6;
            }

            double p99Millis() {
                return latencies.percentile(99).toNanos() / 1e6;
            }

            static Result merge(List<Result> results) {
                int requests = results.stream().mapToInt(Result::requests).sum();
                int failures = results.stream().mapToInt(Result::failures).sum();
                long elapsed = results.stream().mapToLong(Result::elapsedNanos).sum();
                List<Duration> all = results.stream().flatMap(r -> r.latencies().values().stream()).toList();
                return new Result(requests, failures, elapsed, new Samples(results.getFirst().latencies().name(), all));
            }
        }
    }
}
