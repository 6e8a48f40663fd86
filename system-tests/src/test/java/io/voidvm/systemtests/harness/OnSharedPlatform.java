package io.voidvm.systemtests.harness;

import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.keycloak.WithKeycloak;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test class on the {@link SharedPlatform} of this JVM: take it as a parameter of a {@code @BeforeAll}
 * method or of a test. The platform starts before the first such class and stops after the last.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WithPostgres
@WithKafka
@WithKeycloak
@ExtendWith(SharedPlatformExtension.class)
public @interface OnSharedPlatform {
}
