package io.voidvm.vm.node.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether one vm-service replica may judge nodes silent: only while it could have heard them. It must have heard
 * the broker without a break for a whole grace period (a node gets that long to send a heartbeat that can arrive),
 * and every heartbeat on the topic must have been taken (after a restart they wait unread). Immutable: each look
 * at the feed gives the next hearing.
 *
 * @param since when the broker last began to answer without a break; {@code null} while it does not answer
 */
public record Hearing(Instant since) {

    /** What the heartbeat feed says right now. */
    public enum Feed {
        /** Every heartbeat on the topic has been taken into the {@code nodes} table. */
        UP_TO_DATE,
        /** Heartbeats wait on the topic that are not taken yet. */
        BEHIND,
        /** The broker does not answer: no heartbeat can arrive. */
        UNREACHABLE
    }

    /** Before the first look: nothing heard yet. */
    public static final Hearing DEAF = new Hearing(null);

    /** The hearing after the feed was seen in {@code feed} at {@code now}. */
    public Hearing next(Feed feed, Instant now) {
        Objects.requireNonNull(feed, "feed");
        if (feed == Feed.UNREACHABLE) {
            return DEAF;
        }
        return since == null ? new Hearing(now) : this;
    }

    /** Whether silence may be judged with this hearing, the feed in {@code feed}, at {@code now}. */
    public boolean mayJudge(Feed feed, Instant now, Duration grace) {
        return since != null && feed == Feed.UP_TO_DATE && !now.isBefore(since.plus(grace));
    }
}
