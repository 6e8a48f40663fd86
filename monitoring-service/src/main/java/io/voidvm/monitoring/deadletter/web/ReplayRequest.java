package io.voidvm.monitoring.deadletter.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which dead letters to replay: one partition, {@code fromOffset} to {@code toOffset}, both included. */
record ReplayRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Integer partition,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Long fromOffset,
        @Schema(description = "Last offset to replay; omitted, only `fromOffset`", minimum = "0") Long toOffset,
        @Schema(description = "Replay records that were replayed before, too", defaultValue = "false") Boolean force) {
}
