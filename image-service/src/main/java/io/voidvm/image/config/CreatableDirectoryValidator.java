package io.voidvm.image.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@link CreatableDirectory} without creating anything: validation must not have side effects. */
public class CreatableDirectoryValidator implements ConstraintValidator<CreatableDirectory, Path> {

    @Override
    public boolean isValid(Path value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Path candidate = value.toAbsolutePath().normalize();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate != null && Files.isDirectory(candidate) && Files.isWritable(candidate);
    }
}
