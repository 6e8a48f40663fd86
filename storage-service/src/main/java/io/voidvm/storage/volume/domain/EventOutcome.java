package io.voidvm.storage.volume.domain;

/** What a node's report does to a volume. */
public sealed interface EventOutcome {

    /** The volume changed; store it. */
    record Updated(Volume volume) implements EventOutcome {
    }

    /** The node removed the file: the volume is gone. */
    record Removed(Volume volume) implements EventOutcome {
    }

    /** The report is stale or does not match the volume's state; nothing changes. */
    record Ignored(String why) implements EventOutcome {
    }
}
