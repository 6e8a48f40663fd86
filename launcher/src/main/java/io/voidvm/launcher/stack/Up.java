package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.control.ControlServer;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.home.DataHomeCheck;
import io.voidvm.launcher.infra.DemoLogins;
import io.voidvm.launcher.ports.PortCheck;
import io.voidvm.launcher.ports.PortProbe;
import io.voidvm.launcher.run.LauncherLock;
import io.voidvm.launcher.run.RunDir;
import io.voidvm.launcher.services.ServiceCatalog;
import io.voidvm.launcher.services.ServiceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code up}: refuse early (another launcher, a damaged data dir, a taken port) without touching anything, then
 * start the stack, print where it is, and stay until a stop signal; then stop everything in reverse order. While
 * up, it takes {@code restart NAME} requests on the control socket.
 */
public final class Up {

    private static final long PROGRESS_EVERY_SECONDS = 15;

    private final DataHome home;
    private final Path repoRoot;
    private final Console console;
    private final RunDir runDir;
    private final int nodes;

    public Up(DataHome home, Path repoRoot, Console console, int nodes) {
        this.home = home;
        this.repoRoot = repoRoot;
        this.console = console;
        this.runDir = new RunDir(home.run());
        this.nodes = nodes;
    }

    /** The process exit code: 0 after a clean stop, 1 when the stack could not start. */
    public int run() {
        if (Files.exists(home.root()) && !Files.isDirectory(home.root())) {
            return refuse(List.of(home.root() + " is not a directory (it is the data dir: move it away or set"
                    + " VOIDVM_HOME)"));
        }
        routeLibraryLogs();
        Optional<LauncherLock> lock = LauncherLock.tryAcquire(runDir);
        if (lock.isEmpty()) {
            String pid = runDir.read(RunDir.LAUNCHER).stream().findFirst().map(r -> " (launcher pid " + r.pid() + ")")
                    .orElse("");
            return refuse(List.of("voidVM is already running from " + home.root() + pid
                    + ". See ./voidvm status, or stop it with ./voidvm down."));
        }
        try (LauncherLock held = lock.get()) {
            return runLocked(held);
        }
    }

    private int runLocked(LauncherLock lock) {
        Leftovers.clean(runDir, home, console, "a launcher that did not stop cleanly");
        lock.writeLauncherPid();
        runDir.recordNodes(nodes);
        List<ServiceSpec> services = ServiceCatalog.local(home, nodes);
        List<String> problems = DataHomeCheck.problems(home);
        if (!problems.isEmpty()) {
            return refuse(problems.stream().map(p -> p + "; voidVM never deletes data, so move it away or fix it,"
                    + " or set VOIDVM_HOME to another dir").toList());
        }
        List<String> missing = services.stream().map(service -> service.jar(repoRoot))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> jar + " is missing: build with ./mvnw -B -DskipTests package (./voidvm up does so itself)")
                .toList();
        if (!missing.isEmpty()) {
            return refuse(missing);
        }
        List<String> conflicts = PortCheck.conflicts(Components.ports(services), PortProbe.loopback());
        if (!conflicts.isEmpty()) {
            return refuse(conflicts);
        }
        console.step("starting voidVM from " + repoRoot + " with data in " + home.root() + " and " + nodes
                + " node agent" + (nodes == 1 ? "" : "s"));
        ServiceCatalog.prepare(home, nodes);
        StopSignal stop = StopSignal.install(signal -> console.step(signal + ": already stopping, please wait"));
        StackProcesses stack = new StackProcesses(home, repoRoot, javaExecutable(), Runtime.version().feature(),
                runDir, console);
        int exitCode = 0;
        try {
            CompletableFuture<Void> ready = stack.startAll(services);
            if (awaitReadyOrStop(ready, stop, stack, services)) {
                Optional<ControlServer> control = openControl(stack);
                try {
                    console.plain(Banner.text(console.elapsed(), home, nodes,
                            DemoLogins.read(repoRoot.resolve("keycloak/demo-users.json"))));
                    runDir.markReady(Optional.ofNullable(System.getenv("VOIDVM_LAUNCH_TOKEN")).orElse("ready"));
                    console.step("stopping on " + stop.received().join());
                } finally {
                    control.ifPresent(ControlServer::close);
                }
            }
        } catch (StartFailure failure) {
            console.step("voidVM could not start: " + failure.getMessage());
            exitCode = 1;
        }
        runDir.clearReady();
        console.step("stopping everything ...");
        stack.stopAll();
        Leftovers.clean(runDir, home, console, "this run");
        console.step("voidVM stopped; no process left.");
        return exitCode;
    }

    private boolean awaitReadyOrStop(CompletableFuture<Void> ready, StopSignal stop, StackProcesses stack,
                                     List<ServiceSpec> services) {
        CompletableFuture<Object> first = CompletableFuture.anyOf(ready, stop.received());
        while (true) {
            try {
                first.get(PROGRESS_EVERY_SECONDS, TimeUnit.SECONDS);
                if (ready.isDone() && !ready.isCompletedExceptionally()) {
                    return true;
                }
                if (stop.isRequested()) {
                    console.step(stop.received().join() + " while starting: stopping what has started");
                    return false;
                }
            } catch (TimeoutException stillStarting) {
                console.step("waiting for " + String.join(", ", stack.pending(services)));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : e.getCause();
                throw new StartFailure(String.valueOf(cause.getMessage()), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted", e);
            }
        }
    }

    /** Without the control socket (e.g. a data dir path too long for one) the stack runs, only restart is off. */
    private Optional<ControlServer> openControl(StackProcesses stack) {
        try {
            return Optional.of(ControlServer.open(runDir.controlSocket(), stack::restart));
        } catch (RuntimeException e) {
            console.step("./voidvm restart will not work in this run: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return Optional.empty();
        }
    }

    /**
     * zonky hands PostgreSQL's server log to SLF4J; slf4j-simple writes it (and any library warning) to
     * postgres.log. Must run before the first logger exists.
     */
    private void routeLibraryLogs() {
        try {
            Files.createDirectories(home.logs());
        } catch (java.io.IOException e) {
            return; // slf4j-simple then writes to stderr, and the data-dir check names the problem
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", home.log("postgres").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
    }

    private int refuse(List<String> problems) {
        problems.forEach(problem -> System.err.println("voidvm: " + problem));
        return 1;
    }

    private static Path javaExecutable() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** Start-up failed; the message says which component and why. */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
