package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.infra.Infra;
import io.voidvm.launcher.infra.InfraStarter;
import io.voidvm.launcher.infra.RunningInfra;
import io.voidvm.launcher.ports.PortProbe;
import io.voidvm.launcher.run.PidRecord;
import io.voidvm.launcher.run.ProcessSweep;
import io.voidvm.launcher.run.ProcessTree;
import io.voidvm.launcher.run.RunDir;
import io.voidvm.launcher.services.AppImage;
import io.voidvm.launcher.services.RunningService;
import io.voidvm.launcher.services.ServiceSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Everything one {@code up} started. Infrastructure starts in parallel; each service starts as soon as the
 * servers it needs answer; every pid is recorded the moment it exists. Stopping goes in reverse: services,
 * then Keycloak, Kafka and PostgreSQL, whatever had come up by then. Once up, one component at a time can be
 * restarted on request; a service that exits on its own is reported, not restarted.
 */
final class StackProcesses {

    private final DataHome home;
    private final Path repoRoot;
    private final Path java;
    private final int javaFeature;
    private final RunDir runDir;
    private final Console console;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Infra, RunningInfra> infra = new ConcurrentHashMap<>();
    private final Map<String, RunningService> services = new ConcurrentHashMap<>();
    private final Map<String, ServiceSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, AppImage> images = new ConcurrentHashMap<>();
    /** Old processes of a restart: their exit is no news. */
    private final Set<RunningService> expectedExits = ConcurrentHashMap.newKeySet();
    /** Held by a restart and by {@link #stopAll}, so a stop never races a start. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile Infra restartingInfra;
    private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
    private final Set<String> readyServices = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final InfraStarter starter;

    StackProcesses(DataHome home, Path repoRoot, Path java, int javaFeature, RunDir runDir, Console console) {
        this.home = home;
        this.repoRoot = repoRoot;
        this.java = java;
        this.javaFeature = javaFeature;
        this.runDir = runDir;
        this.console = console;
        this.starter = new InfraStarter(home, repoRoot);
    }

    /** Completes when every component is ready, exceptionally as soon as one fails. */
    CompletableFuture<Void> startAll(List<ServiceSpec> specs) {
        Map<Infra, CompletableFuture<RunningInfra>> servers = new EnumMap<>(Infra.class);
        for (Infra server : Infra.values()) {
            servers.put(server, CompletableFuture.supplyAsync(() -> startInfra(server), pool));
        }
        Map<String, CompletableFuture<RunningService>> ready = new LinkedHashMap<>();
        for (ServiceSpec spec : specs) {
            this.specs.put(spec.name(), spec);
            CompletableFuture<AppImage> image = CompletableFuture.supplyAsync(
                    () -> RunningService.prepare(spec, repoRoot, home, java), pool);
            List<CompletableFuture<?>> needs = new ArrayList<>(spec.needs().stream().map(servers::get).toList());
            needs.add(image);
            ready.put(spec.name(), CompletableFuture.allOf(needs.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(ignored -> startService(spec, image.join()), pool)
                    .thenApplyAsync(this::awaitService, pool));
        }
        synchronized (inFlight) {
            inFlight.addAll(servers.values());
            inFlight.addAll(ready.values());
        }
        List<CompletableFuture<?>> all = new ArrayList<>(servers.values());
        all.addAll(ready.values());
        CompletableFuture<Void> result = new CompletableFuture<>();
        all.forEach(future -> future.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error instanceof CompletionException
                        && error.getCause() != null ? error.getCause() : error);
            }
        }));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenRun(() -> result.complete(null));
        return result;
    }

    /** Names of the components not ready yet, for the progress line. */
    List<String> pending(List<ServiceSpec> specs) {
        List<String> pending = new ArrayList<>();
        for (Infra server : Infra.values()) {
            if (!infra.containsKey(server)) {
                pending.add(server.component());
            }
        }
        List<String> services = specs.stream().map(ServiceSpec::name).filter(name -> !readyServices.contains(name))
                .toList();
        if (!services.isEmpty()) {
            pending.add(services.size() == specs.size() ? "the services" : String.join(", ", services));
        }
        return pending;
    }

    private RunningInfra startInfra(Infra server) {
        checkNotStopping(server.component());
        long begin = System.nanoTime();
        console.step("starting " + server.component() + " ...");
        RunningInfra running;
        try {
            running = starter.start(server);
        } catch (RuntimeException e) {
            throw new IllegalStateException(server.component() + " failed to start (its log: "
                    + home.log(server.component()) + "): " + describe(e), e);
        }
        infra.put(server, running);
        runDir.record(server.component(), running.processes().get().stream().map(PidRecord::of).toList());
        console.step(String.format("%-19s ready on 127.0.0.1:%d (%s)", server.component(), server.port(),
                Console.seconds(Duration.ofNanos(System.nanoTime() - begin))));
        return running;
    }

    private RunningService startService(ServiceSpec spec, AppImage image) {
        checkNotStopping(spec.name());
        images.put(spec.name(), image);
        RunningService service = RunningService.start(spec, image, home, java, javaFeature);
        services.put(spec.name(), service);
        service.handle().ifPresent(handle -> runDir.record(spec.name(), List.of(PidRecord.of(handle))));
        console.step("starting " + spec.name() + " (pid " + service.pid() + ", port " + spec.port() + ")");
        return service;
    }

    private RunningService awaitService(RunningService service) {
        long begin = System.nanoTime();
        try {
            service.awaitReady(stopping::get);
        } catch (RuntimeException e) {
            throw new IllegalStateException(service.spec().name() + " failed to start (its log: "
                    + home.log(service.spec().name()) + "): " + describe(e), e);
        }
        checkNotStopping(service.spec().name());
        readyServices.add(service.spec().name());
        watch(service);
        console.step(String.format("%-19s ready on 127.0.0.1:%d (%s after launch)", service.spec().name(),
                service.spec().port(), Console.seconds(Duration.ofNanos(System.nanoTime() - begin))));
        return service;
    }

    /** Says so when a ready service exits on its own; the rest keeps running. */
    private void watch(RunningService service) {
        service.handle().ifPresent(handle -> handle.onExit().thenRun(() -> {
            if (!stopping.get() && !expectedExits.remove(service)) {
                console.step(service.spec().name() + " exited unexpectedly; see " + home.log(service.spec().name())
                        + " (the rest keeps running; ./voidvm restart " + service.spec().name() + " starts it again)");
            }
        }));
    }

    /**
     * Stops {@code component} (a service, a node agent or an infrastructure server) if it runs, starts it again
     * with the same settings and waits until it is ready; its pid file follows. Other components are left alone:
     * services reconnect to a restarted server by themselves, and VMs outlive a restarted node agent.
     *
     * @return a one-line summary
     */
    String restart(String component, Consumer<String> progress) {
        lifecycle.lock();
        try {
            checkNotStopping(component);
            long begin = System.nanoTime();
            Optional<Infra> server = Arrays.stream(Infra.values())
                    .filter(candidate -> candidate.component().equals(component)).findFirst();
            if (server.isPresent()) {
                restartInfra(server.get(), progress);
            } else if (specs.containsKey(component)) {
                restartService(specs.get(component), progress);
            } else {
                List<String> known = new ArrayList<>(specs.keySet().stream().sorted().toList());
                Arrays.stream(Infra.values()).forEach(candidate -> known.add(candidate.component()));
                throw new IllegalArgumentException("this stack has no component " + component + "; it has "
                        + String.join(", ", known));
            }
            return component + " restarted in " + Console.seconds(Duration.ofNanos(System.nanoTime() - begin));
        } finally {
            lifecycle.unlock();
        }
    }

    private void restartService(ServiceSpec spec, Consumer<String> progress) {
        RunningService old = services.remove(spec.name());
        if (old != null && old.isAlive()) {
            expectedExits.add(old);
            say(progress, "stopping " + spec.name() + " (pid " + old.pid() + ") ...");
            old.stopKeepingChildren();
        }
        runDir.forget(spec.name());
        readyServices.remove(spec.name());
        if (!PortProbe.loopback().isFree(spec.port())) {
            throw new IllegalStateException("port " + spec.port() + " of " + spec.name() + " is taken by a process"
                    + " voidVM did not start (see: ss -ltnp 'sport = :" + spec.port() + "'); stop it and try again");
        }
        AppImage image = images.computeIfAbsent(spec.name(), name -> RunningService.prepare(spec, repoRoot, home,
                java));
        RunningService fresh = startService(spec, image);
        say(progress, "started " + spec.name() + " (pid " + fresh.pid() + ", port " + spec.port()
                + "); waiting until it is ready ...");
        awaitService(fresh);
    }

    private void restartInfra(Infra server, Consumer<String> progress) {
        restartingInfra = server;
        try {
            RunningInfra old = infra.remove(server);
            if (old != null) {
                say(progress, "stopping " + server.component() + " ...");
                try {
                    old.stop();
                } catch (RuntimeException e) {
                    say(progress, "stopping " + server.component() + " failed (" + e.getMessage() + "); starting it anyway");
                }
            }
            runDir.forget(server.component());
            say(progress, "starting " + server.component() + " ...");
            startInfra(server);
        } finally {
            restartingInfra = null;
        }
    }

    private void say(Consumer<String> progress, String message) {
        console.step(message);
        progress.accept(message);
    }

    /** The message and, where it adds something, the root cause's: wrappers often say only "did not start". */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        return root == error || message.contains(String.valueOf(root.getMessage())) ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private void checkNotStopping(String component) {
        if (stopping.get()) {
            throw new IllegalStateException("stopping: " + component + " not started");
        }
    }

    /** Stops whatever runs, in reverse dependency order; waits for starts still in progress first. */
    void stopAll() {
        stopping.set(true);
        Infra restarting = restartingInfra;
        if (restarting != null) {
            starter.abandon(restarting);
        }
        lifecycle.lock();
        try {
            stopAllLocked();
        } finally {
            lifecycle.unlock();
        }
    }

    private void stopAllLocked() {
        stopServices();
        for (Infra server : Infra.values()) {
            if (!infra.containsKey(server)) {
                starter.abandon(server);
            }
        }
        awaitInFlight();
        stopServices();
        stopVirtualMachines();
        for (Infra server : List.of(Infra.KEYCLOAK, Infra.KAFKA, Infra.POSTGRES)) {
            RunningInfra running = infra.remove(server);
            if (running != null) {
                long begin = System.nanoTime();
                try {
                    running.stop();
                } catch (RuntimeException e) {
                    console.step("stopping " + server.component() + " failed: " + e.getMessage());
                }
                console.step(String.format("%-19s stopped (%s)", server.component(),
                        Console.seconds(Duration.ofNanos(System.nanoTime() - begin))));
            }
            runDir.forget(server.component());
        }
        pool.shutdownNow();
    }

    private void stopServices() {
        List<RunningService> running = new ArrayList<>(services.values());
        services.clear();
        if (running.isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        List<CompletableFuture<Void>> stops = running.stream()
                .map(service -> CompletableFuture.runAsync(service::stop, pool)).toList();
        stops.forEach(stop -> {
            try {
                stop.join();
            } catch (RuntimeException e) {
                console.step("a service did not stop cleanly: " + e.getMessage());
            }
        });
        running.forEach(service -> runDir.forget(service.spec().name()));
        console.step(running.size() + " service(s) stopped (" + Console.seconds(Duration.ofNanos(System.nanoTime() - begin))
                + ")");
    }

    /**
     * VMs outlive their agent by design (an agent restart must not kill them), so they are still running here.
     * Stopping the local stack powers them off; the agent starts them again on the next up where desired.
     */
    private void stopVirtualMachines() {
        List<ProcessHandle> vms = ProcessSweep.qemu(home.root());
        if (!vms.isEmpty()) {
            ProcessTree.stop(vms, Duration.ofSeconds(10));
            console.step(vms.size() + " VM(s) powered off");
        }
    }

    private void awaitInFlight() {
        List<CompletableFuture<?>> copy;
        synchronized (inFlight) {
            copy = List.copyOf(inFlight);
        }
        for (CompletableFuture<?> future : copy) {
            try {
                future.handle((value, error) -> null).get(3, TimeUnit.MINUTES);
            } catch (Exception e) {
                console.step("a start did not finish in time: " + e);
            }
        }
    }
}
