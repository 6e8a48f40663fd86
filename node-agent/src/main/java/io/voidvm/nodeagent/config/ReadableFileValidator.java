package io.voidvm.nodeagent.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@link ReadableFile}. */
public class ReadableFileValidator implements ConstraintValidator<ReadableFile, Path> {

    @Override
    public boolean isValid(Path value, ConstraintValidatorContext context) {
        return value == null || (Files.isRegularFile(value) && Files.isReadable(value));
    }
}
