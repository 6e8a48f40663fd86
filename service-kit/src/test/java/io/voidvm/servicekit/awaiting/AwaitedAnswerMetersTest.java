package io.voidvm.servicekit.awaiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voidvm.servicekit.sweep.Sweeps;
import io.voidvm.servicekit.sweep.SweepAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AwaitedAnswerMetersTest {

    @Test
    void oneCounterPerSubjectTaggedByResultAndOperation() {
        var registry = new SimpleMeterRegistry();
        var meters = new AwaitedAnswerMeters(registry, "storage.volume.commands");
        meters.count("GAVE_UP", "CREATE");
        meters.count("gave_up", "create");

        assertThat(meters.name()).isEqualTo("voidvm.storage.volume.commands.awaited");
        assertThat(registry.counter("voidvm.storage.volume.commands.awaited", "result", "gave_up", "operation",
                "create").count()).isEqualTo(2);
        assertThatThrownBy(() -> new AwaitedAnswerMeters(registry, "VM operations")).hasMessageContaining("subject");
    }

    @Test
    void everyServiceGetsSweeps() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SweepAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(Sweeps.class));
    }
}
