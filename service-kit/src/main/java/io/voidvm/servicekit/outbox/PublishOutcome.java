package io.voidvm.servicekit.outbox;

/** What happened to one claimed row when the relay tried to publish it. */
sealed interface PublishOutcome {

    /** The broker acknowledged the record (acks=all). */
    record Sent() implements PublishOutcome {
    }

    /** The producer gave up on the record. */
    record Failed(Throwable cause) implements PublishOutcome {
    }

    /** Not sent because an earlier record of the same key already failed: sending it would overtake that one. */
    record Skipped() implements PublishOutcome {
    }

    PublishOutcome SENT = new Sent();
    PublishOutcome SKIPPED = new Skipped();
}
