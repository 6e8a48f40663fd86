package io.voidvm.nodeagent.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.voidvm.testsupport.qemu.QemuBinary;
import io.voidvm.testsupport.qemu.RequiresQemu;
import io.voidvm.testsupport.qemu.TestGuests;

/**
 * The client against a real QEMU: handshake, run-state changes and the events they cause, and the disconnect
 * when QEMU quits. The guest is the 1 MiB marker disk, so {@code cont} really runs guest code.
 */
@RequiresQemu
class QmpClientQemuIT {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    Process qemu;
    QmpClient client;
    final List<QmpEvent> events = new CopyOnWriteArrayList<>();
    final List<QmpDisconnectedException> disconnects = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopQemu() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (qemu != null && qemu.isAlive()) {
            qemu.destroyForcibly().waitFor();
        }
    }

    @Test
    void drivesARealQemuThroughItsRunStates(QemuBinary binary) throws IOException {
        Path socket = dir.resolve("qmp.sock");
        Path serialLog = dir.resolve("serial.log");
        Path disk = TestGuests.markerDisk(dir, "qmp-it");
        List<String> argv = new ArrayList<>(List.of(binary.system().toString(),
                "-accel", "tcg", "-display", "none", "-nodefaults", "-no-user-config", "-m", "32", "-S",
                "-qmp", "unix:" + socket + ",server=on,wait=off",
                "-serial", "file:" + serialLog,
                "-drive", "file=" + disk + ",format=raw,if=virtio"));
        qemu = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.out").toFile())
                .start();
        await().atMost(WAIT).until(() -> Files.exists(socket) || !qemu.isAlive());
        assertThat(qemu.isAlive()).as("QEMU runs; its output: %s", output()).isTrue();

        client = new QmpClient(socket);
        client.addListener(new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
                events.add(event);
            }

            @Override
            public void onDisconnected(QmpDisconnectedException cause) {
                disconnects.add(cause);
            }
        });
        QmpGreeting greeting = client.open(TIMEOUT);
        QemuMonitor monitor = new QemuMonitor(client, TIMEOUT);

        assertThat(greeting.version().major()).isGreaterThanOrEqualTo(7);
        assertThat(monitor.queryVersion().major()).isEqualTo(greeting.version().major());
        assertThat(monitor.queryStatus()).isEqualTo(new QemuStatus(RunState.PRELAUNCH, false, "prelaunch"));
        assertThat(monitor.queryBlock()).anySatisfy(device -> assertThat(device.medium())
                .hasValueSatisfying(medium -> assertThat(medium.file()).isEqualTo(disk.toString())));

        monitor.cont();
        awaitEvent("RESUME");
        assertThat(monitor.queryStatus().state()).isEqualTo(RunState.RUNNING);
        await().atMost(WAIT).until(() -> Files.exists(serialLog)
                && Files.readString(serialLog).contains(TestGuests.readyLine("qmp-it")));

        monitor.stop();
        awaitEvent("STOP");
        assertThat(monitor.queryStatus()).isEqualTo(new QemuStatus(RunState.PAUSED, false, "paused"));

        monitor.systemReset();
        QmpEvent reset = awaitEvent("RESET");
        assertThat(QmpLifecycleEvent.from(reset)).hasValueSatisfying(typed ->
                assertThat(typed).isInstanceOf(QmpLifecycleEvent.Reset.class));

        monitor.quit();
        QmpEvent shutdown = awaitEvent("SHUTDOWN");
        assertThat(QmpLifecycleEvent.from(shutdown))
                .contains(new QmpLifecycleEvent.Shutdown(shutdown.timestamp(), false, "host-qmp-quit"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(disconnects).hasSize(1));
        assertThat(client.state()).isEqualTo(QmpState.CLOSED);
        await().atMost(WAIT).until(() -> !qemu.isAlive());
        assertThat(qemu.exitValue()).isZero();
    }

    private QmpEvent awaitEvent(String name) {
        return await().atMost(WAIT).until(
                () -> events.stream().filter(event -> event.name().equals(name)).findFirst().orElse(null),
                event -> event != null);
    }

    private String output() throws IOException {
        Path out = dir.resolve("qemu.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }
}
