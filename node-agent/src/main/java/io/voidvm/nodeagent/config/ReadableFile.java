package io.voidvm.nodeagent.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated {@link java.nio.file.Path} is an existing, readable regular file. {@code null} passes. */
@Documented
@Constraint(validatedBy = ReadableFileValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

    String message() default "must be an existing readable file";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
