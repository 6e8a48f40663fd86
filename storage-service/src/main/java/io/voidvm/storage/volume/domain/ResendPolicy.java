package io.voidvm.storage.volume.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a volume waits for the node's report before its command is sent again, and how many sends it gets
 * in all before the volume is given up on.
 *
 * @param resendAfter time from a send to the next one while no report came
 * @param maxAttempts sends in all, the first one included
 */
public record ResendPolicy(Duration resendAfter, int maxAttempts) {

    public ResendPolicy {
        Objects.requireNonNull(resendAfter, "resendAfter");
        if (resendAfter.isNegative() || resendAfter.isZero()) {
            throw new IllegalArgumentException("resendAfter must be positive, was " + resendAfter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }
}
