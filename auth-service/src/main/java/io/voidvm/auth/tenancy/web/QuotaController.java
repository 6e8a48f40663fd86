package io.voidvm.auth.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.voidvm.auth.apidoc.AuthApiDocs;
import io.voidvm.auth.tenancy.app.QuotaService;
import io.voidvm.auth.tenancy.domain.QuotaResource;
import io.voidvm.auth.tenancy.web.QuotaViews.QuotaView;
import io.voidvm.auth.tenancy.web.QuotaViews.UsageView;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/tenants/{id}/quotas} (members of the tenant and admins read, admins replace) and
 * {@code /api/v1/users/usage} (the caller's tenant: used against limit).
 */
@RestController
@Tag(name = AuthApiDocs.QUOTAS)
class QuotaController {

    private final QuotaService service;

    QuotaController(QuotaService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @GetMapping("/api/v1/tenants/{tenantId}/quotas")
    @Operation(summary = "Read a tenant's quota", description = "Its limit per resource; `configured` is false"
            + " while the defaults apply. Members of the tenant and admins.")
    Mono<QuotaView> get(@PathVariable String tenantId, Caller caller) {
        return service.get(caller, tenantId).map(QuotaView::of);
    }

    /** Every resource must be named: a replacement that silently zeroed a forgotten limit would lock tenants out. */
    @PutMapping("/api/v1/tenants/{tenantId}/quotas")
    @Operation(summary = "Replace a tenant's quota", description = AuthApiDocs.ADMIN_ONLY + " Every resource must"
            + " be named (400 otherwise): vms, vcpus, memoryMb, diskGb, images, imageGb.")
    Mono<QuotaView> replace(@PathVariable String tenantId, @Valid @RequestBody Amounts body, Caller caller) {
        return Mono.fromSupplier(() -> {
                    for (QuotaResource resource : QuotaResource.values()) {
                        if (!body.named().containsKey(resource)) {
                            throw new InvalidRequestException(resource.key(), "is required");
                        }
                    }
                    return body.toAmounts();
                })
                .flatMap(limits -> service.set(caller, tenantId, limits))
                .map(QuotaView::of);
    }

    @GetMapping("/api/v1/users/usage")
    @Operation(summary = "Read the caller's usage", description = "Used against limit for every resource of the"
            + " caller's tenant.")
    Mono<UsageView> usage(Caller caller) {
        return service.usageOf(caller).map(UsageView::of);
    }
}
