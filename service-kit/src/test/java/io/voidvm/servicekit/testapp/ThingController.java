package io.voidvm.servicekit.testapp;

import io.voidvm.servicekit.paging.domain.Cursor;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.NotFoundException;
import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
class ThingController {

    static final UUID KNOWN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final String SECRET = "db-password=hunter2";
    private static final Logger log = LoggerFactory.getLogger(ThingController.class);

    record Disk(@NotNull @Min(1) Integer sizeGb, String bus) {
    }

    record ThingRequest(@NotBlank @Size(max = 63) String name, @Min(1) @Max(64) int cpuCores,
                        @NotNull Integer memoryMb, List<@Valid Disk> disks) {
    }

    record Thing(UUID id, String name) {
    }

    @PostMapping("/things")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ThingRequest> create(@Valid @RequestBody ThingRequest request) {
        return Mono.just(request);
    }

    @GetMapping("/things/{id}")
    Mono<Thing> get(@PathVariable UUID id) {
        if (!KNOWN.equals(id)) {
            return Mono.error(new NotFoundException("thing", id));
        }
        return Mono.just(new Thing(id, "known"));
    }

    @PostMapping("/things/{id}/start")
    Mono<Void> start(@PathVariable UUID id) {
        return Mono.error(ConflictException.stateConflict("start", "DELETING"));
    }

    @PostMapping("/things/quota")
    Mono<Void> quota() {
        throw new QuotaExceededException("vcpus", 16, 14, 4);
    }

    @GetMapping("/things")
    Mono<CursorPage<Thing>> list(PageRequest page) {
        int start = page.after().map(c -> Integer.parseInt(c.key(0)) + 1).orElse(0);
        List<Thing> fetched = IntStream.range(start, Math.min(start + page.fetchSize(), 120))
                .mapToObj(i -> new Thing(new UUID(0, i), "thing-" + i)).toList();
        return Mono.just(CursorPage.of(fetched, page,
                thing -> Cursor.of(Long.toString(thing.id().getLeastSignificantBits()))));
    }

    @GetMapping("/me")
    Mono<Caller> me(Caller caller) {
        return Mono.just(caller);
    }

    @GetMapping("/authorities")
    Mono<List<String>> authorities(Authentication authentication) {
        return Mono.just(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }

    @GetMapping("/boom")
    Mono<Thing> boom() {
        return Mono.error(new IllegalStateException("connection failed: " + SECRET));
    }

    @GetMapping("/traced")
    Mono<String> traced() {
        return Mono.fromSupplier(() -> {
            log.info("handling traced request");
            return "ok";
        });
    }
}
