package io.voidvm.systemtests.bench;

import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VmDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * API accept to VM running, as a client sees it: the clock starts when the 202 of {@code POST .../start}
 * arrives and stops at the first poll (every 10 ms) whose answer shows the VM {@code RUNNING}. The node reports
 * RUNNING only after QMP {@code cont} succeeded, so this includes the whole launch the floor measures.
 */
final class ApiStartLatency {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final VmDriver driver;

    ApiStartLatency(VmDriver driver) {
        this.driver = driver;
    }

    /** One VM started and force-stopped {@code warmup + runs} times; the first {@code warmup} are not counted. */
    Samples singleVm(int warmup, int runs) {
        UUID vm = driver.createDefined("bench-single", SharedPlatform.GUEST_MEMORY_MB);
        List<Duration> samples = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            driver.api().act(vm, "start").expect(202);
            long accepted = System.nanoTime();
            long deadline = accepted + RUN_TIMEOUT.toNanos();
            while (!"RUNNING".equals(driver.api().vm(vm).expect(200).body().path("status").asString())) {
                requireBefore(deadline, "VM " + vm + " RUNNING");
                LockSupport.parkNanos(POLL_NANOS);
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - accepted);
            if (i >= warmup) {
                samples.add(latency);
            }
            VmDriver.requireSucceeded(driver.awaitFinished(driver.accept(vm, "stop?force=true")), "force stop");
        }
        return new Samples("API accept -> RUNNING, 1 VM", samples);
    }

    /**
     * {@code size} defined, stopped VMs started at once from as many threads. One poller lists the RUNNING VMs
     * every 10 ms, so the load the measurement adds does not grow with the burst.
     */
    Samples burst(int size) throws Exception {
        List<UUID> vms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            vms.add(driver.createDefined("bench-burst-" + i, SharedPlatform.GUEST_MEMORY_MB));
        }
        Map<UUID, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<UUID, Long> runningAt = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> starts = new ArrayList<>();
            for (UUID vm : vms) {
                starts.add(clients.submit(() -> {
                    go.await();
                    driver.api().act(vm, "start").expect(202);
                    acceptedAt.put(vm, System.nanoTime());
                    return null;
                }));
            }
            go.countDown();
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (runningAt.size() < size) {
                requireBefore(deadline, "all " + size + " VMs RUNNING (" + runningAt.size() + " were)");
                JsonNode page = driver.api().listVms("status=RUNNING&limit=100").expect(200).body();
                long now = System.nanoTime();
                for (JsonNode item : page.path("items")) {
                    UUID id = UUID.fromString(item.path("id").asString());
                    if (vms.contains(id)) {
                        runningAt.putIfAbsent(id, now);
                    }
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            for (Future<?> start : starts) {
                start.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        // a 202 read after the VM already showed RUNNING counts as 0: the client could not have seen it sooner
        List<Duration> samples = vms.stream()
                .map(vm -> Duration.ofNanos(Math.max(0, runningAt.get(vm) - acceptedAt.get(vm))))
                .toList();
        return new Samples("API accept -> RUNNING, burst of " + size, samples);
    }

    private static void requireBefore(long deadline, String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("not within " + RUN_TIMEOUT + ": " + what);
        }
    }
}
