package io.voidvm.storage.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of storage-service.
 *
 * @param poolsRoot        directory under which directory-backed pools live ({@code <root>/<poolId>});
 *                         created if missing
 * @param defaultPoolName  pool a tenant's first volume goes to when none is named
 * @param maxVolumeSizeGb  largest single volume
 */
@Validated
@ConfigurationProperties("voidvm.storage")
public record StorageProperties(
        @NotNull @CreatableDirectory Path poolsRoot,
        @NotNull
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
                message = "must be a DNS label: 1-63 of a-z, 0-9 and '-', not starting or ending with '-'")
        String defaultPoolName,
        @Min(1) @Max(64 * 1024) long maxVolumeSizeGb) {
}
