package io.voidvm.testsupport.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraModeTest {

    @AfterEach
    void clear() {
        System.clearProperty(InfraMode.PROPERTY);
    }

    @Test
    void embeddedUnlessAskedOtherwise() {
        assertThat(InfraMode.current()).isEqualTo(InfraMode.EMBEDDED);

        System.setProperty(InfraMode.PROPERTY, " Containers ");
        assertThat(InfraMode.current()).isEqualTo(InfraMode.CONTAINERS);
    }

    @Test
    void unknownModeNamesTheProperty() {
        System.setProperty(InfraMode.PROPERTY, "docker");

        assertThatThrownBy(InfraMode::current)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(InfraMode.PROPERTY).hasMessageContaining("docker");
    }

    @Test
    void containersModeFailsFastNamingTheServer() {
        assertThat(InfraMode.CONTAINERS.unsupported("Kafka")).hasMessageContaining("Kafka")
                .hasMessageContaining("not implemented");
    }
}
