package io.voidvm.auth.tenancy.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A non-negative amount per {@link QuotaResource}; a resource that is not named counts as zero. Used for limits,
 * usage and requested deltas alike.
 */
public record ResourceAmounts(Map<QuotaResource, Long> amounts) {

    public ResourceAmounts {
        Objects.requireNonNull(amounts, "amounts");
        EnumMap<QuotaResource, Long> copy = new EnumMap<>(QuotaResource.class);
        amounts.forEach((resource, amount) -> {
            Objects.requireNonNull(resource, "resource");
            if (amount == null || amount < 0) {
                throw new IllegalArgumentException(resource.key() + " must be >= 0, was " + amount);
            }
            copy.put(resource, amount);
        });
        amounts = Collections.unmodifiableMap(copy);
    }

    public static ResourceAmounts none() {
        return new ResourceAmounts(Map.of());
    }

    public static ResourceAmounts of(long vms, long vcpus, long memoryMb, long diskGb, long images, long imageGb) {
        return new ResourceAmounts(Map.of(QuotaResource.VMS, vms, QuotaResource.VCPUS, vcpus,
                QuotaResource.MEMORY_MB, memoryMb, QuotaResource.DISK_GB, diskGb, QuotaResource.IMAGES, images,
                QuotaResource.IMAGE_GB, imageGb));
    }

    public long get(QuotaResource resource) {
        return amounts.getOrDefault(resource, 0L);
    }

    /** Keyed by {@link QuotaResource#key()}, every resource present, in declaration order: for JSON views. */
    public Map<String, Long> byKey() {
        Map<String, Long> view = new LinkedHashMap<>();
        for (QuotaResource resource : QuotaResource.values()) {
            view.put(resource.key(), get(resource));
        }
        return view;
    }
}
