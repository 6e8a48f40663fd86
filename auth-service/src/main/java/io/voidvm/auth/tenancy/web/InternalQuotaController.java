package io.voidvm.auth.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.voidvm.auth.tenancy.app.QuotaService;
import io.voidvm.auth.tenancy.web.QuotaViews.QuotaCheckView;
import io.voidvm.auth.tenancy.web.QuotaViews.UsageView;
import io.voidvm.servicekit.tenancy.domain.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints (platform callers, i.e. the {@code admin} role of {@code voidvm-platform}); the
 * gateway does not route {@code /internal/**}.
 * <ul>
 *   <li>{@code POST /internal/v1/quota-checks} {@code {"tenantId":"acme","requested":{"vms":1,"vcpus":2}}} →
 *       200 {@code {"allowed":true,...}} or 409 problem {@code quota-exceeded} with quota, limit, used, requested;</li>
 *   <li>{@code PUT /internal/v1/usage/{tenantId}} {@code {"vms":3,"vcpus":6}}: the owning service's current
 *       totals (absolute, not deltas; resources not named keep their value).</li>
 * </ul>
 */
@RestController
class InternalQuotaController {

    private final QuotaService service;

    InternalQuotaController(QuotaService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @PostMapping("/internal/v1/quota-checks")
    @Operation(summary = "Check a request against a tenant's quota", description = "200 with the usage when it"
            + " fits; 409 problem `quota-exceeded` naming the quota, limit, used and requested when not.")
    Mono<QuotaCheckView> check(@Valid @RequestBody QuotaCheckRequest body, Caller caller) {
        return service.check(caller, body.tenantId(), body.requested().toAmounts()).map(QuotaCheckView::allowed);
    }

    @PutMapping("/internal/v1/usage/{tenantId}")
    @Operation(summary = "Report a tenant's usage", description = "The owning service's current totals (absolute,"
            + " not deltas); resources not named keep their value.")
    Mono<UsageView> report(@PathVariable String tenantId, @Valid @RequestBody Amounts body, Caller caller) {
        return service.report(caller, tenantId, body.named()).map(UsageView::of);
    }

    record QuotaCheckRequest(@NotBlank String tenantId, @NotNull @Valid Amounts requested) {
    }
}
