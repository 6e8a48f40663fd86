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
 * How vm-service asks auth-service about quotas: as the platform, with the client credentials of the Keycloak
 * client {@code voidvm-platform} (its service account has the realm role {@code admin}, which auth-service's
 * internal endpoints require).
 *
 * @param authServiceUrl base URL of auth-service, e.g. {@code http://127.0.0.1:8082}
 * @param tokenUri       Keycloak's token endpoint of the realm
 * @param clientId       the platform client
 * @param clientSecret   its secret; never logged
 * @param timeout        time limit of one call (token plus request); a slower auth-service answers 503
 */
@Validated
@ConfigurationProperties("voidvm.vm.quota")
public record QuotaClientProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String authServiceUrl,
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String tokenUri,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration timeout) {

    @Override
    public String toString() {
        return "QuotaClientProperties[authServiceUrl=" + authServiceUrl + ", tokenUri=" + tokenUri + ", clientId="
                + clientId + ", clientSecret=***, timeout=" + timeout + "]";
    }
}
