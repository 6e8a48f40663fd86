package io.voidvm.servicekit.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field of a JSON request body as multi-line free text: besides what every string may hold it may
 * hold tab, line feed and carriage return. Every other string field refuses them (see
 * {@link io.voidvm.servicekit.input.domain.StorableText}). Put it on the record component.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface MultilineText {
}
