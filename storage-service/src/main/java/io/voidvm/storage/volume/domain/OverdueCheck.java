package io.voidvm.storage.volume.domain;

/** What to do about a volume whose node has not answered its command (see {@link Volume#overdue}). */
public sealed interface OverdueCheck {

    /** Nothing awaited, or the node still has time. */
    record NotYet() implements OverdueCheck {
    }

    /** Send the awaited command again (under a new message id); store the volume, which counts the attempt. */
    record Resend(Volume volume) implements OverdueCheck {
    }

    /** Every attempt went unanswered: store the volume, which says so in its status reason. */
    record GaveUp(Volume volume) implements OverdueCheck {
    }
}
