package io.voidvm.gateway.routing;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;

/** Checks {@link HttpUrl}; {@code null} is left to {@code @NotNull}. */
public class HttpUrlValidator implements ConstraintValidator<HttpUrl, URI> {

    @Override
    public boolean isValid(URI value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String scheme = value.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        return http && value.getHost() != null;
    }
}
