package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.run.LauncherLock;
import io.voidvm.launcher.run.ProcessTree;
import io.voidvm.launcher.run.RunDir;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code down}: asks the running launcher to stop everything (it knows the order) and waits until it has; then
 * stops whatever a crashed launcher left behind. Idempotent: with nothing running it only says so.
 */
public final class Down {

    private static final Duration LAUNCHER_GRACE = Duration.ofMinutes(3);

    private final DataHome home;
    private final Console console;
    private final RunDir runDir;

    public Down(DataHome home, Console console) {
        this.home = home;
        this.console = console;
        this.runDir = new RunDir(home.run());
    }

    public int run() {
        boolean stoppedSomething = false;
        Optional<ProcessHandle> launcher = runDir.live(RunDir.LAUNCHER).stream().findFirst();
        if (launcher.isPresent()) {
            stoppedSomething = true;
            stopLauncher(launcher.get());
        } else if (LauncherLock.isHeld(runDir)) {
            console.step("a launcher holds " + runDir.dir() + " but wrote no pid file; stopping what it started");
        }
        Optional<LauncherLock> lock = LauncherLock.tryAcquire(runDir);
        if (lock.isEmpty()) {
            System.err.println("voidvm: another launcher took over " + home.root() + " meanwhile; run ./voidvm down again");
            return 1;
        }
        try (LauncherLock held = lock.get()) {
            int leftovers = Leftovers.clean(runDir, home, console, "a launcher that did not stop cleanly");
            stoppedSomething |= leftovers > 0;
        }
        console.step(stoppedSomething ? "voidVM is stopped." : "voidVM was not running (" + home.root() + ").");
        return 0;
    }

    private void stopLauncher(ProcessHandle launcher) {
        console.step("stopping voidVM (launcher pid " + launcher.pid() + ") ...");
        launcher.destroy();
        if (!ProcessTree.awaitGone(List.of(launcher), LAUNCHER_GRACE)) {
            console.step("the launcher did not stop within " + Console.seconds(LAUNCHER_GRACE) + "; killing it");
            launcher.destroyForcibly();
            ProcessTree.awaitGone(List.of(launcher), Duration.ofSeconds(10));
        }
    }
}
