package io.voidvm.servicekit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

/**
 * Builds the service's JWT decoder without contacting Keycloak at start-up, so services and Keycloak can start
 * in any order. With only an issuer, OIDC discovery runs on the first token and is retried on the next one if
 * Keycloak was down ({@link SupplierReactiveJwtDecoder} caches success only). With a JWK set URI (e.g. an
 * in-cluster Keycloak address while tokens name the public one) discovery is skipped; keys are fetched lazily.
 */
final class JwtDecoders {

    private JwtDecoders() {
    }

    static ReactiveJwtDecoder create(String issuerUri, String jwkSetUri, String audience) {
        OAuth2TokenValidator<Jwt> validator = validator(issuerUri, audience);
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(or jwk-set-uri): this service validates Keycloak tokens");
        }
        return new SupplierReactiveJwtDecoder(() -> {
            ReactiveJwtDecoder discovered = ReactiveJwtDecoders.fromIssuerLocation(issuerUri);
            if (discovered instanceof NimbusReactiveJwtDecoder nimbus) {
                nimbus.setJwtValidator(validator);
            }
            return discovered;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        if (issuerUri != null && !issuerUri.isBlank()) {
            validators.add(new JwtIssuerValidator(issuerUri));
        }
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(audience)));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
