package io.voidvm.testsupport.qemu;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test only where QEMU is installed. Without QEMU the test is skipped with an install hint,
 * except under {@code CI=true}, where it fails: CI must never go green by skipping the real hypervisor.
 * Test methods may declare a {@link QemuBinary} parameter.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresQemuExtension.class)
public @interface RequiresQemu {
}
