package io.voidvm.contracts.metrics;

final class Samples {

    private Samples() {
    }

    static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
