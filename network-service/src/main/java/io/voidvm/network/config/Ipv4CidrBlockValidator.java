package io.voidvm.network.config;

import io.voidvm.network.ipam.domain.Ipv4Cidr;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Ipv4CidrBlock} with the domain parser, and reports the parser's reason. */
public class Ipv4CidrBlockValidator implements ConstraintValidator<Ipv4CidrBlock, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            Ipv4Cidr.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(e.getMessage())).addConstraintViolation();
            return false;
        }
    }

    /** The reason quotes the user's value: keep it from being read as a message template. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
