package io.voidvm.launcher.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void parsesEachCommand() {
        assertThat(CommandLine.parse(List.of("up"), NO_ENV)).isEqualTo(new Command.Up(1));
        assertThat(CommandLine.parse(List.of("down"), NO_ENV)).isEqualTo(new Command.Down());
        assertThat(CommandLine.parse(List.of("stop"), NO_ENV)).isEqualTo(new Command.Down());
        assertThat(CommandLine.parse(List.of("status"), NO_ENV)).isEqualTo(new Command.Status(1));
        assertThat(CommandLine.parse(List.of("restart", "node-agent-2"), NO_ENV))
                .isEqualTo(new Command.Restart("node-agent-2"));
        assertThat(CommandLine.parse(List.of("--help"), NO_ENV)).isEqualTo(new Command.Help());
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(CommandLine.parse(List.of(), NO_ENV)).isEqualTo(new Command.Help());
    }

    @Test
    void upTakesTheNodeCountFromTheOptionElseTheSettingElseOne() {
        Map<String, String> two = Map.of(CommandLine.NODES_ENV, "2");

        assertThat(CommandLine.parse(List.of("up", "--nodes", "2"), NO_ENV)).isEqualTo(new Command.Up(2));
        assertThat(CommandLine.parse(List.of("up", "--nodes=3"), NO_ENV)).isEqualTo(new Command.Up(3));
        assertThat(CommandLine.parse(List.of("up"), two)).isEqualTo(new Command.Up(2));
        assertThat(CommandLine.parse(List.of("up", "--nodes", "1"), two)).isEqualTo(new Command.Up(1));
        assertThat(CommandLine.parse(List.of("up"), Map.of(CommandLine.NODES_ENV, " "))).isEqualTo(new Command.Up(1));
        assertThat(CommandLine.parse(List.of("status"), two)).isEqualTo(new Command.Status(2));
    }

    @Test
    void aBadNodeCountIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--nodes", "0"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--nodes").hasMessageContaining("1 to " + CommandLine.MAX_NODES)
                .hasMessageContaining("'0'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--nodes", "5"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("'5'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up"), Map.of(CommandLine.NODES_ENV, "two")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining(CommandLine.NODES_ENV).hasMessageContaining("'two'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--nodes"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--nodes");
    }

    @Test
    void restartNeedsExactlyOneComponentName() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("restart"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("one component");
        assertThatThrownBy(() -> CommandLine.parse(List.of("restart", "kafka", "keycloak"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("one component");
        assertThatThrownBy(() -> CommandLine.parse(List.of("restart", "../etc"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("'../etc'");
    }

    @Test
    void rejectsUnknownCommandsNamingThem() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("upp"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("'upp'");
    }

    @Test
    void rejectsExtraArguments() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("down", "now"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("[now]");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--detach"), NO_ENV))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--detach");
    }
}
