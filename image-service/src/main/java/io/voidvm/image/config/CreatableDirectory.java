package io.voidvm.image.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link java.nio.file.Path} is a writable directory, or does not exist yet and its nearest
 * existing ancestor is a writable directory (so the service can create it). {@code null} passes.
 */
@Documented
@Constraint(validatedBy = CreatableDirectoryValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CreatableDirectory {

    String message() default "must be a writable directory or creatable as one";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
