package io.voidvm.auth.tenancy.domain;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.util.Arrays;

/**
 * What a tenant's quota limits. The {@link #key()} is the public name in JSON bodies, problem details and the
 * usage table, so it never changes.
 */
public enum QuotaResource {
    VMS("vms"),
    VCPUS("vcpus"),
    MEMORY_MB("memoryMb"),
    DISK_GB("diskGb"),
    IMAGES("images"),
    /** The summed file sizes of a tenant's private images, GiB rounded up (image-service reports it). */
    IMAGE_GB("imageGb");

    private final String key;

    QuotaResource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** @throws InvalidRequestException naming {@code field} for an unknown key */
    public static QuotaResource fromKey(String key, String field) {
        return Arrays.stream(values()).filter(resource -> resource.key.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "unknown resource '" + key + "'; one of "
                        + Arrays.stream(values()).map(QuotaResource::key).toList()));
    }
}
