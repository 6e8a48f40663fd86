package io.voidvm.network.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated string is an IPv4 CIDR block as {@link io.voidvm.network.ipam.domain.Ipv4Cidr} accepts it. */
@Documented
@Constraint(validatedBy = Ipv4CidrBlockValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Ipv4CidrBlock {

    String message() default "must be an IPv4 network block such as 10.10.0.0/24";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
