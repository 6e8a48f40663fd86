package io.voidvm.vm.operation.domain;

import java.time.Duration;

/** Deadlines for the domain tests: every action 30 s, a graceful stop 90 s, a start from an image 6 min. */
public final class TestDeadlines {

    public static final Duration QUICK = Duration.ofSeconds(30);
    public static final Duration STOP = Duration.ofSeconds(90);
    public static final Duration FROM_IMAGE = Duration.ofMinutes(6);
    public static final Duration DELETE = Duration.ofSeconds(60);
    public static final OperationDeadlines DEADLINES = new OperationDeadlines(QUICK, QUICK, FROM_IMAGE, STOP, QUICK,
            QUICK, QUICK, QUICK, QUICK, DELETE);

    private TestDeadlines() {
    }
}
