package io.voidvm.launcher.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void parsesEachCommand() {
        assertThat(CommandLine.parse(List.of("up"))).isEqualTo(new Command.Up());
        assertThat(CommandLine.parse(List.of("down"))).isEqualTo(new Command.Down());
        assertThat(CommandLine.parse(List.of("stop"))).isEqualTo(new Command.Down());
        assertThat(CommandLine.parse(List.of("status"))).isEqualTo(new Command.Status());
        assertThat(CommandLine.parse(List.of("--help"))).isEqualTo(new Command.Help());
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(CommandLine.parse(List.of())).isEqualTo(new Command.Help());
    }

    @Test
    void rejectsUnknownCommandsNamingThem() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("upp")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("'upp'");
    }

    @Test
    void rejectsExtraArguments() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("down", "now")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("[now]");
    }
}
