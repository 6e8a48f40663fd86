package io.voidvm.nodeagent.qmp;

import static io.voidvm.nodeagent.qmp.QmpClientTest.TIMEOUT;
import static io.voidvm.nodeagent.qmp.QmpClientTest.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed wrappers read QEMU 7.2's real reply shapes (copied from a live session) correctly. */
class QemuMonitorTest {

    @TempDir
    Path dir;

    FakeQmpServer qemu;
    QmpClient client;
    QemuMonitor monitor;

    @BeforeEach
    void start() throws IOException {
        qemu = FakeQmpServer.start(dir);
        client = new QmpClient(qemu.socket());
        open(client, qemu);
        monitor = new QemuMonitor(client, TIMEOUT);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        qemu.close();
    }

    @Test
    void queryStatusMapsQemuRunStates() {
        QemuStatus prelaunch = answer(monitor::queryStatus, "query-status",
                "{\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}");
        QemuStatus running = answer(monitor::queryStatus, "query-status",
                "{\"status\": \"running\", \"singlestep\": false, \"running\": true}");
        QemuStatus future = answer(monitor::queryStatus, "query-status",
                "{\"status\": \"hibernating-in-2030\", \"running\": false}");

        assertThat(prelaunch).isEqualTo(new QemuStatus(RunState.PRELAUNCH, false, "prelaunch"));
        assertThat(running).isEqualTo(new QemuStatus(RunState.RUNNING, true, "running"));
        assertThat(future.state()).isEqualTo(RunState.UNKNOWN);
        assertThat(future.wireName()).isEqualTo("hibernating-in-2030");
    }

    @Test
    void queryVersionReadsTheTriple() {
        QemuVersion version = answer(monitor::queryVersion, "query-version",
                "{\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, \"package\": \"Debian 1:7.2\"}");

        assertThat(version).isEqualTo(new QemuVersion(7, 2, 22, "Debian 1:7.2"));
        assertThat(version.atLeast(7, 2)).isTrue();
        assertThat(version.atLeast(8, 0)).isFalse();
    }

    @Test
    void queryBlockReadsBlockdevNodes() {
        List<BlockDevice> devices = answer(monitor::queryBlock, "query-block", """
                [{"io-status": "ok", "device": "", "locked": false, "removable": false,
                  "inserted": {"node-name": "disk0", "file": "/s/vms/x/disks/root.qcow2", "drv": "qcow2",
                               "ro": false, "image": {"virtual-size": 1048576, "format": "qcow2"}},
                  "qdev": "/machine/peripheral/virtio-disk0/virtio-backend", "type": "unknown"},
                 {"device": "cd0", "locked": false, "removable": true, "qdev": "ide-cd0", "type": "unknown"}]
                """.replace("\n", " "));

        assertThat(devices).containsExactly(
                new BlockDevice("", "/machine/peripheral/virtio-disk0/virtio-backend", Optional.of(
                        new BlockDevice.Medium("disk0", "/s/vms/x/disks/root.qcow2", "qcow2", false, 1048576))),
                new BlockDevice("cd0", "ide-cd0", Optional.empty()));
    }

    @Test
    void actionsSendTheirCommands() {
        for (String command : List.of("cont", "stop", "system_powerdown", "system_reset")) {
            answer(() -> {
                switch (command) {
                    case "cont" -> monitor.cont();
                    case "stop" -> monitor.stop();
                    case "system_powerdown" -> monitor.systemPowerdown();
                    default -> monitor.systemReset();
                }
                return command;
            }, command, "{}");
        }
        assertThat(qemu.receivedNothingElse()).isTrue();
    }

    @Test
    void quitCountsTheSocketClosingBeforeTheReplyAsSuccess() {
        CompletableFuture<Void> quit = CompletableFuture.runAsync(monitor::quit,
                Executors.newVirtualThreadPerTaskExecutor());
        qemu.expect("quit");
        qemu.closeConnection();

        assertThat(quit).succeedsWithin(TIMEOUT);
    }

    /** Runs {@code call} on another thread and answers the command it sends with {@code returnJson}. */
    private <T> T answer(Supplier<T> call, String command, String returnJson) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, Executors.newVirtualThreadPerTaskExecutor());
        qemu.reply(qemu.expect(command), returnJson);
        return result.join();
    }
}
