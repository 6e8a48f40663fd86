package io.voidvm.image.validation.domain;

/**
 * The outcome of {@code qemu-img check}: its exit code (0 clean, 1 check failed, 2 corruptions, 3 leaked
 * clusters only) and the counts it printed.
 */
public record QemuImgCheck(int exitCode, long corruptions, long checkErrors) {

    /** Leaked clusters waste space but never expose data, so they pass. */
    public boolean sound() {
        return (exitCode == 0 || exitCode == 3) && corruptions == 0 && checkErrors == 0;
    }
}
