package io.voidvm.launcher.stack;

import io.voidvm.launcher.cli.Console;
import io.voidvm.launcher.control.ControlClient;
import io.voidvm.launcher.control.ControlProtocol;
import io.voidvm.launcher.home.DataHome;
import io.voidvm.launcher.run.RunDir;

/**
 * {@code restart NAME}: asks the running launcher to restart one component and prints its progress. The launcher
 * does the work, so the new process is its child, its pid file is right and {@code down} stops it.
 */
public final class Restart {

    private final DataHome home;
    private final Console console;
    private final RunDir runDir;

    public Restart(DataHome home, Console console) {
        this.home = home;
        this.console = console;
        this.runDir = new RunDir(home.run());
    }

    public int run(String component) {
        if (runDir.live(RunDir.LAUNCHER).isEmpty()) {
            System.err.println("voidvm: voidVM is not running from " + home.root() + "; ./voidvm up starts it");
            return Status.NOT_RUNNING;
        }
        if (!runDir.isReady()) {
            System.err.println("voidvm: voidVM is still starting (or stopping); restart a component once"
                    + " ./voidvm status says it is up");
            return 1;
        }
        console.step("restarting " + component + " ...");
        ControlProtocol.Reply reply = ControlClient.send(runDir.controlSocket(),
                ControlProtocol.restartRequest(component), console::step);
        if (reply instanceof ControlProtocol.Reply.Done done) {
            console.step(done.text());
            return 0;
        }
        System.err.println("voidvm: restarting " + component + " failed: " + reply.text());
        return 1;
    }
}
