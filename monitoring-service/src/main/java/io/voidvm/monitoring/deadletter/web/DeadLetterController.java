package io.voidvm.monitoring.deadletter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.monitoring.apidoc.MonitoringApiDocs;
import io.voidvm.monitoring.deadletter.app.DeadLetterAdmin;
import io.voidvm.monitoring.deadletter.domain.ReplayRange;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Dead letters for operators (admin role; anyone else gets 403 on every route). Path and query values are taken
 * as text and checked after the role, so a non-admin learns nothing from a 400 either.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = MonitoringApiDocs.DEAD_LETTERS)
@ApiResponse(responseCode = "503", description = "Kafka did not answer in time; retry later.",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(ref = "#/components/schemas/Problem")))
class DeadLetterController {

    private final DeadLetterAdmin admin;
    private final DeadLetterViews views;

    DeadLetterController(DeadLetterAdmin admin, DeadLetterViews views) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.views = Objects.requireNonNull(views, "views");
    }

    @GetMapping
    @Operation(summary = "List dead-letter topics",
            description = "Every `<topic>.dlt` on the broker, by name, with the records each partition holds now "
                    + "(end minus start offset; replayed records stay until retention removes them).")
    Mono<CursorPage<DeadLetterTopicView>> topics(Caller caller, PageRequest page) {
        return admin.topics(caller, page).map(topics -> topics.map(DeadLetterTopicView::of));
    }

    @GetMapping("/{topic}/records")
    @Operation(summary = "List the records of a dead-letter topic",
            description = "By partition, then offset. Each record shows where it came from, why it failed (Spring "
                    + "Kafka's exception headers and voidVM's reason code), its size and its value: as JSON when it "
                    + "is JSON, else as text or base64, and only up to the configured size.")
    Mono<CursorPage<DeadLetterView>> records(
            @Parameter(description = "A dead-letter topic, e.g. `voidvm.vm.events.dlt`") @PathVariable String topic,
            @Parameter(description = "Only this partition", schema = @Schema(type = "integer", minimum = "0"))
            @RequestParam(required = false) String partition,
            Caller caller, PageRequest page) {
        return admin.records(caller, topic, partition, page).map(letters -> letters.map(views::letter));
    }

    @GetMapping("/{topic}/partitions/{partition}/records/{offset}")
    @Operation(summary = "Read one dead letter", description = "404 when the topic, partition or offset holds none.")
    Mono<DeadLetterView> record(
            @Parameter(description = "A dead-letter topic, e.g. `voidvm.vm.events.dlt`") @PathVariable String topic,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @PathVariable String partition,
            @Parameter(schema = @Schema(type = "integer", format = "int64", minimum = "0")) @PathVariable String offset,
            Caller caller) {
        return admin.record(caller, topic, partition, offset).map(views::letter);
    }

    @PostMapping("/{topic}/replays")
    @Operation(summary = "Replay dead letters to their original topic",
            description = "Copies the key and value of each record from `fromOffset` to `toOffset` (one partition) to "
                    + "the original topic, keyed as before, with a `voidvm-replay-of: <dlt>/<partition>/<offset>` "
                    + "header. Each dead letter is replayed once: records replayed before are listed in "
                    + "`alreadyReplayed` and left alone, unless `force` is true.")
    Mono<ReplayView> replay(
            @Parameter(description = "A dead-letter topic, e.g. `voidvm.vm.events.dlt`") @PathVariable String topic,
            @RequestBody Mono<ReplayRequest> body, Caller caller) {
        Mono<ReplayRange> range = body.map(request -> ReplayRange.of(request.partition(), request.fromOffset(),
                request.toOffset(), request.force(), admin.maxReplayRecords()));
        return admin.replay(caller, topic, range).map(ReplayView::of);
    }
}
