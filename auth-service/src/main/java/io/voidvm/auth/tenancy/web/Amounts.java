package io.voidvm.auth.tenancy.web;

import io.voidvm.auth.tenancy.domain.QuotaResource;
import io.voidvm.auth.tenancy.domain.ResourceAmounts;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.EnumMap;
import java.util.Map;

/**
 * Amounts per resource in a request body. A missing field means "not named": zero in a quota check, unchanged
 * in a usage report, an error in a quota replacement.
 */
record Amounts(@PositiveOrZero Long vms, @PositiveOrZero Long vcpus, @PositiveOrZero Long memoryMb,
               @PositiveOrZero Long diskGb, @PositiveOrZero Long images, @PositiveOrZero Long imageGb) {

    /** Only the named resources. */
    Map<QuotaResource, Long> named() {
        Map<QuotaResource, Long> named = new EnumMap<>(QuotaResource.class);
        put(named, QuotaResource.VMS, vms);
        put(named, QuotaResource.VCPUS, vcpus);
        put(named, QuotaResource.MEMORY_MB, memoryMb);
        put(named, QuotaResource.DISK_GB, diskGb);
        put(named, QuotaResource.IMAGES, images);
        put(named, QuotaResource.IMAGE_GB, imageGb);
        return named;
    }

    ResourceAmounts toAmounts() {
        return new ResourceAmounts(named());
    }

    private static void put(Map<QuotaResource, Long> target, QuotaResource resource, Long amount) {
        if (amount != null) {
            target.put(resource, amount);
        }
    }
}
