package io.voidvm.systemtests.soak;

import java.time.Duration;
import java.util.Objects;

/**
 * What a soak run does, from system properties ({@code -Dsoak.duration=PT30M} ...).
 *
 * @param duration      how long actions and faults go on (then the platform must settle)
 * @param seed          of every random choice, printed so a run can be repeated as far as timing allows
 * @param tenants       tenants acting at once, one thread each
 * @param maxVms        VMs per tenant at most; creates stop there
 * @param actionPause   the longest pause between two actions of one tenant (uniform from 0)
 * @param faultEvery    the mean time between the end of one fault and the start of the next
 * @param longestFault  the longest time a killed component stays down
 * @param settleTimeout how long the platform gets after the last fault to end every operation and tell the truth
 */
record SoakSettings(Duration duration, long seed, int tenants, int maxVms, Duration actionPause, Duration faultEvery,
                    Duration longestFault, Duration settleTimeout) {

    SoakSettings {
        Objects.requireNonNull(duration, "duration");
        require(!duration.isNegative() && !duration.isZero(), "soak.duration must be positive");
        require(tenants >= 1 && tenants <= 8, "soak.tenants must be 1-8");
        require(maxVms >= 1 && maxVms <= 32, "soak.maxVms must be 1-32");
        require(actionPause.toMillis() >= 50, "soak.actionPause must be at least 50 ms");
        require(faultEvery.toSeconds() >= 5, "soak.faultEvery must be at least 5 s");
        require(longestFault.toSeconds() >= 5, "soak.longestFault must be at least 5 s");
        require(settleTimeout.toSeconds() >= 30, "soak.settleTimeout must be at least 30 s");
    }

    static SoakSettings fromSystemProperties() {
        return new SoakSettings(
                duration("soak.duration", "PT30M"),
                Long.getLong("soak.seed", System.nanoTime()),
                Integer.getInteger("soak.tenants", 2),
                Integer.getInteger("soak.maxVms", 5),
                duration("soak.actionPause", "PT1.5S"),
                duration("soak.faultEvery", "PT40S"),
                duration("soak.longestFault", "PT30S"),
                duration("soak.settleTimeout", "PT5M"));
    }

    private static Duration duration(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + " = " + value + " is not an ISO-8601 duration (PT30M)", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
