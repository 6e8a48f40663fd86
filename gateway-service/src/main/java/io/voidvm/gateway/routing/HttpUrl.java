package io.voidvm.gateway.routing;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated {@link java.net.URI} is absolute, {@code http} or {@code https}, and names a host. */
@Documented
@Constraint(validatedBy = HttpUrlValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

    String message() default "must be an absolute http(s) URL with a host, e.g. http://127.0.0.1:8081";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
