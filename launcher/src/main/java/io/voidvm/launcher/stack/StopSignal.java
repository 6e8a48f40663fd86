package io.voidvm.launcher.stack;

import sun.misc.Signal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Turns SIGINT, SIGTERM and SIGHUP into a future instead of the JVM's default (run every shutdown hook at once).
 * The stack must stop in order (services before the servers they use), which concurrent hooks cannot do.
 */
public final class StopSignal {

    private final CompletableFuture<String> received = new CompletableFuture<>();

    private StopSignal() {
    }

    /** Installs the handlers; {@code onRepeat} hears about signals that arrive while already stopping. */
    public static StopSignal install(Consumer<String> onRepeat) {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!stop.received.complete("SIG" + signal.getName())) {
                        onRepeat.accept("SIG" + signal.getName());
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // e.g. SIGINT when the JVM was started with it ignored; TERM still works
            }
        }
        return stop;
    }

    public CompletableFuture<String> received() {
        return received;
    }

    public boolean isRequested() {
        return received.isDone();
    }
}
