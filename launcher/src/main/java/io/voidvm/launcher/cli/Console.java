package io.voidvm.launcher.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Progress lines stamped with the seconds since the launcher started, so a slow step stands out. */
public final class Console {

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long start;

    public Console(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    public static Console system() {
        return new Console(System.out, System::nanoTime);
    }

    public synchronized void step(String message) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
        out.flush();
    }

    public synchronized void plain(String message) {
        out.println(message);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
