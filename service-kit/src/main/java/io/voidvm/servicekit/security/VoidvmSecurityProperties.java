package io.voidvm.servicekit.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voidvm.security.*}.
 *
 * @param audience    a token's {@code aud} must contain this
 * @param publicPaths extra path patterns open without a token, beside health, info, prometheus and API docs
 */
@Validated
@ConfigurationProperties("voidvm.security")
public record VoidvmSecurityProperties(
        @DefaultValue("voidvm-api") @NotBlank String audience,
        @DefaultValue({}) List<@NotBlank String> publicPaths) {

    public VoidvmSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
