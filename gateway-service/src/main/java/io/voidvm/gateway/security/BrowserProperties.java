package io.voidvm.gateway.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway tells browsers ({@code voidvm.gateway.browser.*}).
 *
 * @param behindTls             clients reach the gateway over HTTPS (directly or through a TLS-terminating
 *                              proxy): cookies get {@code Secure} and every response carries HSTS
 * @param contentSecurityPolicy the CSP for the SPA and everything else the gateway serves
 * @param corsAllowedOrigins    origins (scheme://host[:port]) allowed to call {@code /api/**} from another
 *                              site with a bearer token; empty means same-origin only
 */
@Validated
@ConfigurationProperties("voidvm.gateway.browser")
public record BrowserProperties(
        boolean behindTls,
        @NotBlank String contentSecurityPolicy,
        @DefaultValue List<String> corsAllowedOrigins) {
}
