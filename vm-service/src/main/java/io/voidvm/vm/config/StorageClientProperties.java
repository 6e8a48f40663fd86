package io.voidvm.vm.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How vm-service asks storage-service for VM boot volumes: as the platform, like the quota client
 * ({@link QuotaClientProperties}), whose credentials the defaults reuse.
 *
 * @param storageServiceUrl base URL of storage-service, e.g. {@code http://127.0.0.1:8084}
 * @param tokenUri          Keycloak's token endpoint of the realm
 * @param clientId          the platform client
 * @param clientSecret      its secret; never logged
 * @param timeout           time limit of one call (token plus request); a slower storage-service answers 503
 * @param sweepInterval     how often boot volumes of deleted VMs are (re)tried in storage-service
 */
@Validated
@ConfigurationProperties("voidvm.vm.storage")
public record StorageClientProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String storageServiceUrl,
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String tokenUri,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout,
        @NotNull @DurationMin(millis = 100) @DurationMax(hours = 1) Duration sweepInterval) {

    @Override
    public String toString() {
        return "StorageClientProperties[storageServiceUrl=" + storageServiceUrl + ", tokenUri=" + tokenUri
                + ", clientId=" + clientId + ", clientSecret=***, timeout=" + timeout + ", sweepInterval="
                + sweepInterval + "]";
    }
}
