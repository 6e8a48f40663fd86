package io.voidvm.launcher.control;

import io.voidvm.launcher.control.ControlProtocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ControlServerTest {

    @TempDir
    Path dir;

    @Test
    void aRequestIsDoneByTheServerWhichStreamsItsStepsAndTheResult() {
        List<String> done = new CopyOnWriteArrayList<>();
        try (ControlServer server = ControlServer.open(dir.resolve("run/control.sock"), (component, progress) -> {
            progress.accept("stopping " + component);
            progress.accept("starting " + component);
            done.add(component);
            return component + " restarted";
        })) {
            List<String> steps = new ArrayList<>();

            Reply reply = ControlClient.send(server.socket(), ControlProtocol.restartRequest("kafka"), steps::add);

            assertThat(reply).isEqualTo(new Reply.Done("kafka restarted"));
            assertThat(steps).containsExactly("stopping kafka", "starting kafka");
            assertThat(done).containsExactly("kafka");
        }
        assertThat(dir.resolve("run/control.sock")).as("removed on close").doesNotExist();
    }

    @Test
    void aFailureReachesTheClientWithItsMessage() {
        try (ControlServer server = ControlServer.open(dir.resolve("control.sock"), (component, progress) -> {
            throw new IllegalArgumentException("this stack has no component " + component);
        })) {
            Reply reply = ControlClient.send(server.socket(), ControlProtocol.restartRequest("nope"), step -> { });

            assertThat(reply).isEqualTo(new Reply.Failed("this stack has no component nope"));
            assertThat(ControlClient.send(server.socket(), "reboot the world", step -> { }))
                    .isInstanceOf(Reply.Failed.class).extracting(Reply::text).asString()
                    .contains("not a request");
        }
    }

    @Test
    void aStaleSocketFromACrashedLauncherIsReplacedAndNoSocketMeansNoLauncher() throws Exception {
        Path socket = Files.createFile(dir.resolve("control.sock"));
        try (ControlServer server = ControlServer.open(socket, (component, progress) -> "ok")) {
            assertThat(ControlClient.send(socket, ControlProtocol.restartRequest("kafka"), step -> { }))
                    .isEqualTo(new Reply.Done("ok"));
        }

        assertThat(ControlClient.send(socket, ControlProtocol.restartRequest("kafka"), step -> { }))
                .isInstanceOf(Reply.Failed.class).extracting(Reply::text).asString().contains("no launcher");
    }
}
