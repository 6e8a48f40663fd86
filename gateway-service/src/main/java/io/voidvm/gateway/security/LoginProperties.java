package io.voidvm.gateway.security;

import io.voidvm.gateway.routing.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway as Keycloak's OAuth2 client for browsers ({@code voidvm.gateway.login.*}). Endpoints are derived
 * from the issuer by Keycloak's URL scheme instead of fetched, so the gateway starts before Keycloak does.
 *
 * @param issuerUri      the realm, e.g. {@code http://127.0.0.1:18080/realms/voidvm}; by default the same
 *                       issuer the resource server trusts
 * @param registrationId appears in {@code /oauth2/authorization/{id}} and {@code /login/oauth2/code/{id}}
 * @param clientId       the confidential client ({@code voidvm-gateway})
 * @param clientSecret   its secret; never logged
 */
@Validated
@ConfigurationProperties("voidvm.gateway.login")
public record LoginProperties(
        @NotNull @HttpUrl URI issuerUri,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String registrationId,
        @NotBlank String clientId,
        @NotBlank String clientSecret) {

    String endpoint(String name) {
        String issuer = issuerUri.toString();
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/protocol/openid-connect/" + name;
    }

    /** Where the SPA (or a page navigation) starts a login. */
    public String loginPath() {
        return "/oauth2/authorization/" + registrationId;
    }

    @Override
    public String toString() {
        return "LoginProperties[issuerUri=" + issuerUri + ", registrationId=" + registrationId
                + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
