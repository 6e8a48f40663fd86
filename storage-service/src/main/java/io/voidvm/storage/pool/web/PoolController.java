package io.voidvm.storage.pool.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.servicekit.paging.domain.CursorPage;
import io.voidvm.servicekit.paging.domain.PageRequest;
import io.voidvm.servicekit.tenancy.domain.Caller;
import io.voidvm.storage.apidoc.StorageApiDocs;
import io.voidvm.storage.pool.app.PoolService;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Storage pools: platform-wide, so every caller sees every pool; only admins create them (403 otherwise). */
@RestController
@RequestMapping("/api/v1/storage")
@Tag(name = StorageApiDocs.POOLS)
class PoolController {

    private final PoolService pools;

    PoolController(PoolService pools) {
        this.pools = Objects.requireNonNull(pools, "pools");
    }

    @GetMapping
    @Operation(summary = "List storage pools", description = "With capacity, what is provisioned and what is"
            + " free.")
    Mono<CursorPage<PoolView>> list(Caller caller, PageRequest page) {
        return pools.list(page).map(found -> found.map(PoolView::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a storage pool")
    Mono<PoolView> get(@PathVariable UUID id, Caller caller) {
        return pools.get(id).map(PoolView::of);
    }

    @PostMapping
    @Operation(summary = "Create a storage pool", description = "Admins only. A directory (type DIR, the default)"
            + " under the node agent's pools root, with its capacity and overcommit ratio.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the pool", useReturnTypeSchema = true)
    Mono<ResponseEntity<PoolView>> create(@RequestBody CreatePoolRequest body, Caller caller) {
        return Mono.fromSupplier(body::toNewPool)
                .flatMap(spec -> pools.create(caller, spec))
                .map(pool -> ResponseEntity.created(URI.create(PoolView.location(pool.id()))).body(PoolView.of(pool)));
    }
}
