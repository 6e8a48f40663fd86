package io.voidvm.launcher.ports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    private static final List<PortClaim> CLAIMS = List.of(
            new PortClaim("postgres", "", 15432),
            new PortClaim("kafka", "broker", 19092),
            new PortClaim("gateway-service", "http", 8080));

    @Test
    void allFreeMeansNoConflict() {
        assertThat(PortCheck.conflicts(CLAIMS, port -> true)).isEmpty();
    }

    @Test
    void namesPortAndComponentOfEachTakenPort() {
        Set<Integer> taken = Set.of(19092, 8080);

        List<String> conflicts = PortCheck.conflicts(CLAIMS, port -> !taken.contains(port));

        assertThat(conflicts).hasSize(2);
        assertThat(conflicts.get(0)).contains("port 19092").contains("kafka broker").contains("in use");
        assertThat(conflicts.get(1)).contains("port 8080").contains("gateway-service");
    }

    @Test
    void reportsAPortPlannedTwice() {
        List<PortClaim> clash = List.of(new PortClaim("a", "", 9000), new PortClaim("b", "", 9000));

        assertThat(PortCheck.conflicts(clash, port -> true))
                .singleElement().asString().contains("port 9000 (b)").contains("also planned for a");
    }

    @Test
    void loopbackProbeSeesARealListener() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();

            assertThat(PortProbe.loopback().isFree(port)).isFalse();
            assertThat(PortProbe.isListening(port)).isTrue();
            listener.close();
            assertThat(PortProbe.loopback().isFree(port)).isTrue();
        }
    }

    @Test
    void rejectsImpossiblePorts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PortClaim("x", "", 70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    }
}
